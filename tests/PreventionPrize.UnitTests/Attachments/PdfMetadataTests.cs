using System.IO.Compression;
using System.Text;
using PreventionPrize.TestSupport;
using PreventionPrize.Web.Features.Attachments;

namespace PreventionPrize.UnitTests.Attachments;

public sealed class PdfMetadataTests
{
    private static IReadOnlyList<(string Field, string Value)> Read(string pdf) => PdfMetadata.Read(Encoding.Latin1.GetBytes(pdf));

    [Fact]
    public void A_real_Chromium_pdf_gives_its_utf16_title_and_its_escaped_creator()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Attachments", "Fixtures", "chromium-title-names-lea-dupont.pdf"));

        var fields = PdfMetadata.Read(bytes);

        Assert.Contains((PdfMetadata.Title, "Rapport d'évaluation — Léa Dupont"), fields);
        Assert.Contains(fields, f => f.Field == PdfMetadata.Creator && f.Value.StartsWith("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit"));
        Assert.DoesNotContain(fields, f => f.Field == PdfMetadata.Author);
    }

    [Fact]
    public void Literal_strings_are_unescaped_octal_nested_parentheses_and_line_continuations_included()
    {
        var fields = Read(@"%PDF-1.4 1 0 obj << /Author (L\351a \(coord.\) (team) Du\
pont) /Title (A\nB) >> endobj");

        Assert.Contains((PdfMetadata.Author, "Léa (coord.) (team) Dupont"), fields);
        Assert.Contains((PdfMetadata.Title, "A B"), fields);
    }

    [Fact]
    public void Hex_strings_and_indirect_references_are_followed()
    {
        var fields = Read("%PDF-1.7\n4 0 obj\n(Jane Smith)\nendobj\n5 0 obj << /Author 4 0 R /Title <4F6C64205469746C65> >> endobj");

        Assert.Contains((PdfMetadata.Author, "Jane Smith"), fields);
        Assert.Contains((PdfMetadata.Title, "Old Title"), fields);
    }

    [Fact]
    public void Xmp_dc_creator_items_are_read_as_utf8_with_entities_decoded()
    {
        var xmp = "<x:xmpmeta><rdf:RDF><rdf:Description><dc:creator><rdf:Seq><rdf:li>Léa Dupont</rdf:li><rdf:li>Tom &amp; Co</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n9 0 obj << /Type /Metadata /Subtype /XML >> stream\n").Concat(Encoding.UTF8.GetBytes(xmp)).ToArray();

        var fields = PdfMetadata.Read(pdf);

        Assert.Contains((PdfMetadata.XmpCreator, "Léa Dupont"), fields);
        Assert.Contains((PdfMetadata.XmpCreator, "Tom & Co"), fields);
    }

    [Fact]
    public void An_info_dictionary_inside_a_compressed_object_stream_is_found()
    {
        var inner = Encoding.Latin1.GetBytes("7 0 << /Author (Camille Martin) /Producer (x) >>");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(inner);
        var pdf = Encoding.Latin1.GetBytes($"%PDF-1.7\n12 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n")
            .Concat(compressed.ToArray()).Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n")).ToArray();

        Assert.Contains((PdfMetadata.Author, "Camille Martin"), PdfMetadata.Read(pdf));
    }

    [Fact]
    public void The_head_and_the_tail_of_a_large_file_are_both_read()
    {
        var pdf = SampleFiles.Pdf(author: "Léa Dupont", filler: 500_000);
        using var inspector = new UploadInspector(new MemoryStream(pdf), long.MaxValue);
        inspector.CopyTo(Stream.Null);
        var (head, tail) = inspector.Sample();

        Assert.Equal(UploadInspector.Window, head.Length);
        Assert.Contains((PdfMetadata.Author, "Léa Dupont"), PdfMetadata.Read(head, tail));
    }

    [Theory]
    [InlineData("%PDF-1.4 /Author (unterminated")]
    [InlineData("%PDF-1.4 /Author")]
    [InlineData("%PDF-1.4 /Author 99 0 R")]
    [InlineData("%PDF-1.4 /Author <FEFF00")]
    [InlineData("%PDF-1.4 /Title ()")]
    [InlineData("%PDF-1.4 1 0 obj << /Type /ObjStm /Filter /FlateDecode >> stream\nnot zlib at all\nendstream")]
    [InlineData("")]
    public void Damaged_or_cut_metadata_yields_no_field_and_no_error(string pdf)
    {
        Assert.Empty(Read(pdf));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            // Seed with fragments the reader looks for, so that the random bytes reach its branches.
            var seeded = Encoding.Latin1.GetBytes("/Author (").Concat(bytes).Concat(Encoding.Latin1.GetBytes(" /Type /ObjStm /FlateDecode stream\n")).Concat(bytes).ToArray();
            _ = PdfMetadata.Read(bytes);
            _ = PdfMetadata.Read(seeded);
        }
    }
}
