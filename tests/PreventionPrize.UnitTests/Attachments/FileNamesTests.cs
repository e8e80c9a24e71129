using PreventionPrize.Web.Features.Attachments;

namespace PreventionPrize.UnitTests.Attachments;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("report.pdf", "pdf", "report.pdf")]
    [InlineData("/etc/passwd.pdf", "pdf", "passwd.pdf")]
    [InlineData("a\\b/c\\d.png", "png", "d.png")]
    [InlineData("photo.JPEG", "jpeg", "photo.jpeg")]
    [InlineData("photo.jpg", "jpeg", "photo.jpg")]
    [InlineData("photo.png", "pdf", "photo.png.pdf")]
    [InlineData("noextension", "png", "noextension.png")]
    [InlineData("  spaced   out  .pdf", "pdf", "spaced out.pdf")]
    [InlineData("...pdf", "pdf", "attachment.pdf")]
    [InlineData(".hidden.pdf", "pdf", "hidden.pdf")]
    [InlineData("", "pdf", "attachment.pdf")]
    [InlineData(null, "png", "attachment.png")]
    [InlineData("\u200B\u2066\u202E.pdf", "pdf", "attachment.pdf")]
    [InlineData("tab\there.pdf", "pdf", "tabhere.pdf")]
    [InlineData("e\u0301te\u0301.pdf", "pdf", "été.pdf")]
    public void Names_are_cleaned(string? name, string kind, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name, kind));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped_and_a_pair_is_kept()
    {
        Assert.Equal("ab📄.pdf", FileNames.Clean("a\uD800b📄.pdf", "pdf"));
    }

    [Fact]
    public void Any_name_comes_out_short_without_folders_controls_or_broken_characters()
    {
        var random = new Random(6266);
        var alphabet = "aé/\\.\0\r\n\u202E\u200B \uD83D\uDCC4\uD800\uDC00e\u0301😀-_()[]<>:\"|?*".ToCharArray();
        for (var i = 0; i < 2000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var cleaned = FileNames.Clean(name, "pdf");

            Assert.InRange(cleaned.Length, 5, FileNames.MaxLength);
            Assert.EndsWith(".pdf", cleaned);
            Assert.DoesNotContain('/', cleaned);
            Assert.DoesNotContain('\\', cleaned);
            Assert.False(cleaned.StartsWith('.') || cleaned.StartsWith(' '), cleaned);
            Assert.DoesNotContain(cleaned, c => char.IsControl(c) || c is '\u202E' or '\u200B');
            Assert.True(System.Text.Unicode.Utf8.IsValid(System.Text.Encoding.UTF8.GetBytes(cleaned)));
            Assert.Equal(cleaned.Length, cleaned.EnumerateRunes().Sum(r => r.Utf16SequenceLength));
            Assert.DoesNotContain(cleaned.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar);
        }
    }
}
