using System.Globalization;
using System.Text;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// The name an applicant's file is shown and downloaded under. It is only metadata (the file is stored under a
/// generated key), but it reaches pages and Content-Disposition headers, so it loses any folder part, control
/// and invisible formatting characters (a right-to-left override makes "gnp.exe" read as "exe.png"), and ends
/// with the extension of what the content really is.
/// </summary>
public static class FileNames
{
    /// <summary>Well under <see cref="Core.Entries.Attachment.OriginalNameMaxLength"/>, and readable in a list.</summary>
    public const int MaxLength = 120;
    public const string Fallback = "attachment";

    public static string Clean(string? name, string kind)
    {
        var text = name ?? "";
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(text.Length);
        // Runes, not chars: an emoji's surrogate pair is kept, a lone surrogate arrives as U+FFFD and goes.
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || !Shown(Rune.GetUnicodeCategory(rune))) continue;
            kept.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        // Composed after the clean-up: normalisation throws on the lone surrogates removed above.
        var cleaned = string.Join(' ', kept.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var extensions = FileKinds.Extensions(kind);
        var extension = Path.GetExtension(cleaned).ToLowerInvariant();
        var stem = extensions.Contains(extension) ? cleaned[..^extension.Length] : cleaned;
        if (!extensions.Contains(extension)) extension = extensions[0];
        // No leading dot (a hidden file on download) and no trailing one (Windows drops it).
        stem = Shorten(stem.Trim('.', ' '), MaxLength - extension.Length);
        return (stem.Length == 0 ? Fallback : stem) + extension;
    }

    private static bool Shown(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    /// <summary>Cuts at a whole text element, so neither a surrogate pair nor a letter with its accent is split.</summary>
    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = length + ((string)elements.Current).Length;
            if (next > maxLength) break;
            length = next;
        }
        return text[..length].TrimEnd('.', ' ');
    }
}
