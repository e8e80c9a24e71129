using System.Globalization;
using static PreventionPrize.Core.Jury.MailDomainLists;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// Whether a juror and an entry write from, or publish on, one organisation's domain. Domains are compared in
/// ASCII (punycode) so "müller-stiftung.de" and "xn--mller-stiftung-…" are one domain.
/// </summary>
public static class EmailDomains
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    // Second-level labels that, under a country ending, are a registry's and not an organisation's
    // (com.ar, ac.jp): a fallback for countries the hand-kept list does not cover.
    private static readonly HashSet<string> RegistryLabels = ["com", "org", "net", "edu", "gov", "gob", "ac", "co", "or", "go", "mil", "sch"];

    /// <summary>" Marie@Univ-Lyon1.FR " → "univ-lyon1.fr"; null when the address is not an e-mail address.</summary>
    public static string? DomainOf(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[7..];
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || trimmed.Any(char.IsWhiteSpace)) return null;
        return AsciiDomain(trimmed[(at + 1)..]);
    }

    public static bool IsPublicWebmail(string domain)
    {
        var ascii = domain.Contains('@') ? DomainOf(domain) : AsciiDomain(domain);
        if (ascii is null) return false;
        var organisation = OrganisationDomain(ascii);
        if (Webmail.Contains(organisation)) return true;
        var dot = organisation.IndexOf('.');
        var ending = organisation[(dot + 1)..];
        return WebmailBrands.Contains(organisation[..dot])
            && (ending is "com" or "net" || ending.Length == 2 || SecondLevel.Contains(ending));
    }

    /// <summary>
    /// The part an organisation registers: "mail.univ-lyon1.fr" → "univ-lyon1.fr", "x.dhsc.gov.uk" →
    /// "dhsc.gov.uk". Without the Public Suffix List this is the last two labels, or three under a known
    /// second level; an unlisted second level (say "ac.xx") wrongly groups its whole registry into one.
    /// Text that is not a domain is returned trimmed and in lower case.
    /// </summary>
    public static string OrganisationDomain(string domain)
    {
        var ascii = AsciiDomain(domain);
        if (ascii is null) return domain.Trim().ToLowerInvariant();
        var labels = ascii.Split('.');
        if (labels.Length <= 2) return ascii;
        var lastTwo = $"{labels[^2]}.{labels[^1]}";
        var isSecondLevel = SecondLevel.Contains(lastTwo) || (labels[^1].Length == 2 && RegistryLabels.Contains(labels[^2]));
        return string.Join('.', labels[^(isSecondLevel ? 3 : 2)..]);
    }

    /// <summary>
    /// The juror side is an e-mail address or a domain, the entry side an e-mail address or a website
    /// ("https://www.asso-x.org/page"). Public webmail never matches: two gmail.com addresses are strangers.
    /// </summary>
    public static DomainMatch? Match(string jurorDomainOrEmail, string entryEmailOrWebsite)
    {
        var juror = HostOf(jurorDomainOrEmail);
        var entry = HostOf(entryEmailOrWebsite);
        if (juror is null || entry is null) return null;
        var organisation = OrganisationDomain(juror);
        if (organisation != OrganisationDomain(entry) || IsPublicWebmail(organisation)) return null;
        return new(organisation,
            $"“{jurorDomainOrEmail.Trim()}” and “{entryEmailOrWebsite.Trim()}” are both on the domain {organisation}");
    }

    private static string? HostOf(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        var looksLikeUrl = trimmed.Contains("://", StringComparison.Ordinal) || trimmed.Contains('/')
            || trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!looksLikeUrl) return trimmed.Contains('@') ? DomainOf(trimmed) : AsciiDomain(trimmed);

        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        return AsciiDomain(uri.IdnHost);
    }

    private static string? AsciiDomain(string domain)
    {
        var trimmed = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (trimmed.Length is 0 or > 253) return null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        var valid = labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
        return valid ? ascii : null;
    }
}
