using System.Text.RegularExpressions;
using static PreventionPrize.Core.Jury.OrganisationWords;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// Decides whether a juror's organisation and an entry's organisation are one organisation written two ways.
/// It only compares names: it does not translate ("Council of Europe" is not "Conseil de l'Europe") and never
/// matches on shared words alone, because "Red Cross Youth Lyon" and "Red Cross Youth Paris" are two entities.
/// </summary>
public static partial class OrganisationNames
{
    /// <summary>"Assoc. Jeunesse &amp; Santé e.V." → "jeunesse sante": the words that identify the organisation.</summary>
    public static string Normalise(string name) => string.Join(' ', Significant(Words(name)));

    public static OrganisationMatch? Match(string a, string b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return null;
        var (first, second) = (a.Trim(), b.Trim());
        var (coreA, coreB) = (WithoutBracketedAcronym(first), WithoutBracketedAcronym(second));

        var normalised = Normalise(coreA);
        if (normalised.Length > 0 && normalised == Normalise(coreB))
        {
            return new(OrganisationMatchKind.SameName, first, second,
                $"“{first}” and “{second}” are the same name once case, accents, punctuation and legal-form words are ignored");
        }
        if (OrganisationAcronyms.IsAcronymOf(coreA, coreB))
            return new(OrganisationMatchKind.Acronym, first, second, $"“{coreA}” is the acronym of “{coreB}”");
        if (OrganisationAcronyms.IsAcronymOf(coreB, coreA))
            return new(OrganisationMatchKind.Acronym, first, second, $"“{coreB}” is the acronym of “{coreA}”");
        return null;
    }

    /// <summary>The first pair that matches, juror's organisation first, or null.</summary>
    public static OrganisationMatch? MatchAny(IEnumerable<string> jurorOrgs, IEnumerable<string> entryOrgs)
    {
        var entries = entryOrgs.ToList();
        foreach (var juror in jurorOrgs)
        {
            foreach (var entry in entries)
            {
                if (Match(juror, entry) is { } match) return match;
            }
        }
        return null;
    }

    /// <summary>Folded words without legal forms, connectors and kind words kept: what acronyms are built from.</summary>
    internal static List<string> Words(string name)
    {
        // "e.V.", "A.S.B.L.", "E.M.C.D.D.A." are one word each; folding alone would scatter them into letters.
        var collapsed = DottedLetters().Replace(name, m => Whitespace().Replace(m.Value.Replace(".", ""), ""));
        var words = TextFolding.Tokens(collapsed).ToList();
        foreach (var phrase in LegalPhrases) RemovePhrase(words, phrase);
        words.RemoveAll(LegalForms.Contains);
        return words;
    }

    internal static string Canonical(string word) => Synonyms.GetValueOrDefault(word, word);

    internal static bool IsKind(string word) => KindWords.Contains(Canonical(word));

    private static IEnumerable<string> Significant(IEnumerable<string> words) =>
        words.Where(w => !Connectors.Contains(w) && !IsKind(w)).Select(Canonical);

    /// <summary>
    /// "Association Nationale … Addictologie (ANPAA)" is the same name with its acronym repeated. Other
    /// brackets are kept: "Red Cross (UK)" and "Red Cross (France)" are different organisations.
    /// </summary>
    private static string WithoutBracketedAcronym(string name)
    {
        var bracket = TrailingBracket().Match(name);
        if (!bracket.Success) return name;
        var rest = bracket.Groups[1].Value.Trim();
        return OrganisationAcronyms.IsAcronymOf(bracket.Groups[2].Value, rest) ? rest : name;
    }

    private static void RemovePhrase(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (words.Skip(i).Take(phrase.Length).SequenceEqual(phrase)) words.RemoveRange(i--, phrase.Length);
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}(?:\.\s?\p{L}(?![\p{L}\p{N}]))+\.?")]
    private static partial Regex DottedLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(.+)\(([^()]+)\)\s*$")]
    private static partial Regex TrailingBracket();
}
