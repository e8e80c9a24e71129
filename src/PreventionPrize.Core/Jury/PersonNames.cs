namespace PreventionPrize.Core.Jury;

/// <summary>
/// Whether a juror is named in an entry's team: the same name or the same e-mail address. A match raises a
/// conflict for the Secretariat to confirm, so a rare false alarm costs less than a missed conflict.
/// </summary>
public static class PersonNames
{
    // Titles people add or leave out; single letters ("M.") are read as initials and ignored anyway.
    private static readonly HashSet<string> Titles =
        ["dr", "prof", "pr", "mr", "mrs", "ms", "mme", "mlle", "herr", "frau", "dott", "dottssa", "sig", "sra"];

    /// <summary>
    /// "Dupont, Marie" = "MARIE DUPONT" = "Marie Dupont", "Jean-Pierre" = "Jean Pierre", "Müller" = "Mueller".
    /// Order is ignored because forms and registries disagree on it. Initials are ignored too, and each name
    /// needs two full words, so "M. Dupont" matches nobody: a surname and an initial are not a person.
    /// </summary>
    public static bool SameName(string a, string b)
    {
        var left = Key(a);
        var right = Key(b);
        return left is not null && right is not null && left.SequenceEqual(right);
    }

    /// <summary>Case-insensitive on the whole address; the domain is compared in ASCII, so IDN spellings agree.</summary>
    public static bool SameEmail(string a, string b)
    {
        var (domainA, domainB) = (EmailDomains.DomainOf(a), EmailDomains.DomainOf(b));
        if (domainA is null || domainB is null || domainA != domainB) return false;
        return string.Equals(LocalPart(a), LocalPart(b), StringComparison.OrdinalIgnoreCase);
    }

    public static bool SamePerson(string nameA, string emailA, string nameB, string emailB) =>
        SameName(nameA, nameB) || SameEmail(emailA, emailB);

    private static string LocalPart(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[7..];
        return trimmed[..trimmed.IndexOf('@')];
    }

    private static List<string>? Key(string name)
    {
        var words = TextFolding.Tokens(name)
            .Where(w => w.Length > 1 && !Titles.Contains(w))
            .Select(GermanicSpelling)
            .Order(StringComparer.Ordinal)
            .ToList();
        return words.Count >= 2 ? words : null;
    }

    // German and Scandinavian names are written both ways: "Müller"/"Mueller", "Søren"/"Soeren". Folding turns
    // ü into u, so the digraphs must go the same way; the few names this merges wrongly are rare.
    private static string GermanicSpelling(string word) =>
        word.Replace("ae", "a", StringComparison.Ordinal)
            .Replace("oe", "o", StringComparison.Ordinal)
            .Replace("ue", "u", StringComparison.Ordinal);
}
