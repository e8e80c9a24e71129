using static PreventionPrize.Core.Jury.OrganisationWords;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// Whether one name is the initials of another. Acronyms are built inconsistently: ANPAA keeps "Association"
/// but skips "de", "en", "et"; CoE keeps the "of"; FRM (Fondation pour la Recherche Médicale) may or may not
/// keep the kind word. So the long name is tried three ways: every word but elisions, without connecting words,
/// and without connecting and kind words.
/// </summary>
internal static class OrganisationAcronyms
{
    private static readonly HashSet<string> Elisions = ["l", "d"];

    public static bool IsAcronymOf(string acronym, string name)
    {
        var candidate = AsOneWord(acronym);
        if (candidate is null) return false;
        var words = OrganisationNames.Words(name);
        if (words.Count < 2) return false;

        var significant = words.Where(w => !Connectors.Contains(w)).ToList();
        // Any two-word name has a two-letter acronym, and with three readings of the name most pairs of
        // letters would hit something. So two letters must be written in capitals ("UN", not "un") and must
        // spell exactly the significant words; one letter never matches.
        if (candidate.Length == 2)
            return WrittenInCapitals(acronym, candidate) && Initials(significant) == candidate;

        return Initials(words.Where(w => !Elisions.Contains(w)).ToList()) == candidate
            || Initials(significant) == candidate
            || Initials(significant.Where(w => !OrganisationNames.IsKind(w)).ToList()) == candidate;
    }

    /// <summary>The name as a single word of letters ("ANPAA", "Asso. ANPAA", "The EMCDDA"), or null.</summary>
    private static string? AsOneWord(string name)
    {
        var words = OrganisationNames.Words(name)
            .Where(w => !Connectors.Contains(w) && !OrganisationNames.IsKind(w))
            .ToList();
        if (words.Count != 1) return null;
        var word = words[0];
        return word.Length >= 2 && word.All(char.IsAsciiLetterLower) ? word : null;
    }

    private static bool WrittenInCapitals(string original, string candidate) =>
        original.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace(".", "").Trim(',', '(', ')', '"', '\''))
            .Any(w => w == candidate.ToUpperInvariant());

    private static string? Initials(List<string> words) =>
        words.Count >= 2 ? string.Concat(words.Select(w => w[0])) : null;
}
