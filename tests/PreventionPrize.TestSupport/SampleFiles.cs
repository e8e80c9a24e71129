using System.Text;

namespace PreventionPrize.TestSupport;

/// <summary>Small files of each kind, built in code so that tests show exactly what they upload.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF with an Info dictionary; <paramref name="filler"/> bytes of stream data sit before it.</summary>
    public static byte[] Pdf(string? author = null, string? title = null, int filler = 0)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            $"<< /Length {filler} >>\nstream\n{new string('x', filler)}\nendstream",
            "<< " + (author is null ? "" : $"/Author {PdfString(author)} ") + (title is null ? "" : $"/Title {PdfString(title)} ") + "/Producer (PreventionPrize tests) >>",
        };
        var pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info {objects.Count} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>Starts like a PDF and is exactly <paramref name="size"/> bytes long.</summary>
    public static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A JPEG's start-of-image and JFIF header, followed by padding.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, .. new byte[200], 0xFF, 0xD9];

    /// <summary>A Windows program's first bytes ("MZ"), as a renamed .exe would arrive.</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[500]];

    private static string PdfString(string text) => text.All(c => c is >= ' ' and <= '~')
        ? "(" + text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")"
        : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
}
