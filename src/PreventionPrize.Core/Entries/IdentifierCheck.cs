using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PreventionPrize.Core.Entries;

/// <summary>
/// Warns when a field shown to the jury may name the team: the organisation's name, a team member's or the
/// contact's name, an e-mail address, a web address or a social-media handle. A warning, not a block: the
/// applicant decides, and the Secretariat sees the flag. Codes are "Field:kind", e.g. "Summary:email".
/// </summary>
public static partial class IdentifierCheck
{
    public static List<string> Find(Entry entry)
    {
        var names = new[] { entry.OrganisationName, entry.ContactName }
            .Concat(entry.TeamMembers.Select(m => m.Name))
            .Select(Normalise)
            .Where(n => n.Length >= 3)
            .Distinct()
            .ToList();
        var warnings = new List<string>();
        foreach (var (field, text) in ShownTexts(entry))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var normalised = " " + Normalise(text) + " ";
            if (names.Any(n => normalised.Contains(" " + n + " ", StringComparison.Ordinal))) warnings.Add($"{field}:name");
            if (Email().IsMatch(text)) warnings.Add($"{field}:email");
            if (Url().IsMatch(text)) warnings.Add($"{field}:url");
            if (Handle().IsMatch(text)) warnings.Add($"{field}:handle");
        }
        return warnings;
    }

    private static IEnumerable<(string Field, string Text)> ShownTexts(Entry entry) =>
    [
        (nameof(Entry.Title), entry.Title),
        (nameof(Entry.Summary), entry.Summary),
        (nameof(Entry.Description), entry.Description),
        (nameof(Entry.YouthInvolvement), entry.YouthInvolvement),
        (nameof(Entry.DigitalBehaviourOther), entry.DigitalBehaviourOther),
        (nameof(Entry.Evaluation), entry.Evaluation),
        (nameof(Entry.HumanRights), entry.HumanRights),
        (nameof(Entry.Replication), entry.Replication),
    ];

    /// <summary>Lower case, no accents, punctuation as spaces, single spaces: "Léa  O'Brien" → "lea o brien".</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(https?://|www\.)\S+|\b[\w-]+\.(org|com|net|eu|int|fr|de|it|es|be|ch|info|io)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(^|[\s(])@[A-Za-z0-9_.]{2,}")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
