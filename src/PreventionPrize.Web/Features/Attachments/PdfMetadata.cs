using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// Reads the document-information fields a PDF carries about its author (Info dictionary /Author, /Title,
/// /Creator, and XMP dc:creator) from the start and end of the file, where writers put them. Tolerant by
/// design: it looks for the fields rather than parsing the whole file, so a damaged or unusual PDF yields
/// fewer fields, never an error. Compressed object and metadata streams found there are inflated (bounded).
/// A small reader of our own rather than a PDF library: it needs a few fields, and it never loads the file.
/// </summary>
public static partial class PdfMetadata
{
    public const string Author = "Author";
    public const string Title = "Title";
    public const string Creator = "Creator";
    public const string XmpCreator = "XmpCreator";

    private const int MaxInflatedBytes = 1024 * 1024;
    private const int MaxStreams = 16;

    /// <summary>Every value found, as (field, text); a field may appear more than once (incremental updates).</summary>
    public static IReadOnlyList<(string Field, string Value)> Read(params ReadOnlyMemory<byte>[] parts)
    {
        var found = new List<(string, string)>();
        var budget = MaxInflatedBytes;
        foreach (var part in parts)
        {
            var text = Encoding.Latin1.GetString(part.Span); // one char per byte, so offsets and bytes agree
            Scan(text, found);
            foreach (var inflated in InflatedStreams(text, ref budget)) Scan(inflated, found);
        }
        return found.Where(f => f.Item2.Length > 0).Distinct().ToList();
    }

    private static void Scan(string text, List<(string, string)> found)
    {
        foreach (Match key in InfoKey().Matches(text))
        {
            var at = key.Index + key.Length;
            if (IndirectReference().Match(text, at) is { Success: true } reference && reference.Index == at)
            {
                var target = new Regex($@"(?<![0-9]){reference.Groups[1].Value}\s+{reference.Groups[2].Value}\s+obj\s*").Match(text);
                if (!target.Success) continue;
                at = target.Index + target.Length;
            }
            if (ReadString(text, at) is { } value) found.Add((key.Groups[1].Value, Tidy(value)));
        }
        foreach (Match creators in XmpCreators().Matches(text))
            foreach (Match item in XmpItem().Matches(creators.Groups[1].Value))
                found.Add((XmpCreator, Tidy(WebUtility.HtmlDecode(Utf8(item.Groups[1].Value)))));
    }

    /// <summary>A literal <c>(…)</c> or hexadecimal <c>&lt;…&gt;</c> string starting at <paramref name="at"/>, decoded.</summary>
    private static string? ReadString(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        if (at >= text.Length) return null;
        var bytes = new List<byte>();
        if (text[at] == '<' && at + 1 < text.Length && text[at + 1] != '<')
        {
            var end = text.IndexOf('>', at);
            if (end < 0) return null;
            var hex = new string(text[(at + 1)..end].Where(Uri.IsHexDigit).ToArray());
            if (hex.Length % 2 == 1) hex += "0";
            return Decode(Convert.FromHexString(hex));
        }
        if (text[at] != '(') return null;
        var depth = 0;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                if (next is >= '0' and <= '7')
                {
                    var octal = next - '0';
                    for (var n = 0; n < 2 && i + 1 < text.Length && text[i + 1] is >= '0' and <= '7'; n++) octal = octal * 8 + (text[++i] - '0');
                    bytes.Add((byte)octal);
                }
                else if (next == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') i++; }
                else if (next != '\n') bytes.Add((byte)(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => next }));
                continue;
            }
            if (c == '(' && depth++ == 0) continue;
            if (c == ')' && --depth == 0) return Decode([.. bytes]);
            bytes.Add((byte)c);
        }
        return null; // cut off by the sample's edge
    }

    /// <summary>PDF text strings: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (close enough to Latin-1 for names).</summary>
    private static string Decode(byte[] bytes) => bytes switch
    {
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3),
        _ => Encoding.Latin1.GetString(bytes),
    };

    private static string Utf8(string latin1) => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(latin1));

    private static string Tidy(string value) =>
        Spaces().Replace(new string(value.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)).ToArray()), " ").Trim();

    /// <summary>Flate-compressed object streams and XMP streams, where newer writers put the Info dictionary or XMP.</summary>
    private static List<string> InflatedStreams(string text, ref int budget)
    {
        var results = new List<string>();
        foreach (Match stream in StreamStart().Matches(text))
        {
            if (budget <= 0 || results.Count >= MaxStreams) break;
            var objectStart = text.LastIndexOf("obj", stream.Index, Math.Min(stream.Index, 2048), StringComparison.Ordinal);
            var dictionary = text[(objectStart < 0 ? Math.Max(0, stream.Index - 2048) : objectStart)..stream.Index];
            if (!dictionary.Contains("/FlateDecode") || !(dictionary.Contains("/ObjStm") || dictionary.Contains("/Metadata"))) continue;
            var start = stream.Index + stream.Length;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            var output = new byte[Math.Min(budget, 256 * 1024)];
            var length = 0;
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(Encoding.Latin1.GetBytes(text[start..(end < 0 ? text.Length : end)])), CompressionMode.Decompress);
                int read;
                while (length < output.Length && (read = inflater.Read(output, length, output.Length - length)) > 0) length += read;
            }
            catch (InvalidDataException)
            {
                // Damaged, or cut by the sample's edge: keep what inflated.
            }
            budget -= length;
            results.Add(Encoding.Latin1.GetString(output, 0, length));
        }
        return results;
    }

    [GeneratedRegex(@"/(Author|Title|Creator)(?![A-Za-z0-9])\s*")]
    private static partial Regex InfoKey();

    [GeneratedRegex(@"(\d+)\s+(\d+)\s+R(?![A-Za-z])")]
    private static partial Regex IndirectReference();

    [GeneratedRegex(@"<dc:creator\b[^>]*>(.*?)</dc:creator>", RegexOptions.Singleline)]
    private static partial Regex XmpCreators();

    [GeneratedRegex(@"<rdf:li\b[^>]*>([^<]*)</rdf:li>", RegexOptions.Singleline)]
    private static partial Regex XmpItem();

    [GeneratedRegex(@"(?<![A-Za-z])stream
?
")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
