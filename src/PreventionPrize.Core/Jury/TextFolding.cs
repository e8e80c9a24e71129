using System.Globalization;
using System.Text;

namespace PreventionPrize.Core.Jury;

/// <summary>Lower-case, accent-free tokens, so "Jean-Pierre Łukasz" and "jean pierre lukasz" compare equal.</summary>
internal static class TextFolding
{
    public static string[] Tokens(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything that is not a letter or a digit becomes a space: hyphens, apostrophes, "&amp;", dots.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // These letters carry no combining mark, so decomposition alone leaves them as they are.
            var mapped = c switch
            {
                'ß' => "ss",
                'ł' => "l",
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                'ħ' => "h",
                _ => char.IsLetterOrDigit(c) ? c.ToString() : " ",
            };
            builder.Append(mapped);
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
