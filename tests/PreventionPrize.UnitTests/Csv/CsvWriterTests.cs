using System.Text;
using PreventionPrize.Web.Infrastructure.Csv;

namespace PreventionPrize.UnitTests.Csv;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("Léa O'Brien", "Léa O'Brien")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Cells_are_quoted_only_when_RFC_4180_needs_it(string? value, string expected)
    {
        Assert.Equal(expected, CsvWriter.Cell(value));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string expected)
    {
        Assert.Equal(expected, CsvWriter.Cell(value));
    }

    [Theory]
    [InlineData("a=1")]
    [InlineData("x-2")]
    [InlineData("name@example.org")]
    [InlineData(" =1")]
    public void Formula_characters_after_the_first_are_left_alone(string value)
    {
        Assert.Equal(value, CsvWriter.Cell(value));
    }

    [Fact]
    public void Rows_end_with_CRLF_and_the_bytes_start_with_the_UTF8_byte_order_mark()
    {
        var csv = new CsvWriter().Row("Reference", "Title").Row("DPP-2026-0001", "Jeux d'écran, \"sans\" écran");

        Assert.Equal("Reference,Title\r\nDPP-2026-0001,\"Jeux d'écran, \"\"sans\"\" écran\"\r\n", csv.ToString());
        var bytes = csv.ToUtf8WithBom();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(csv.ToString(), Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void An_empty_writer_is_just_the_byte_order_mark()
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, new CsvWriter().ToUtf8WithBom());
    }
}
