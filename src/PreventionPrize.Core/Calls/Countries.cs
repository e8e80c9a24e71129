using System.Globalization;

namespace PreventionPrize.Core.Calls;

public sealed record Country(string Code, string NameEn, string NameFr)
{
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;
}

/// <summary>
/// Countries a call can list as eligible. The default is the 46 member states of the Council of Europe;
/// the Secretariat may add others (Pompidou Group members, observers, MedNET countries) by ISO code.
/// </summary>
public static class Countries
{
    public static readonly IReadOnlyList<Country> CouncilOfEuropeMembers =
    [
        new("AL", "Albania", "Albanie"),
        new("AD", "Andorra", "Andorre"),
        new("AM", "Armenia", "Arménie"),
        new("AT", "Austria", "Autriche"),
        new("AZ", "Azerbaijan", "Azerbaïdjan"),
        new("BE", "Belgium", "Belgique"),
        new("BA", "Bosnia and Herzegovina", "Bosnie-Herzégovine"),
        new("BG", "Bulgaria", "Bulgarie"),
        new("HR", "Croatia", "Croatie"),
        new("CY", "Cyprus", "Chypre"),
        new("CZ", "Czech Republic", "République tchèque"),
        new("DK", "Denmark", "Danemark"),
        new("EE", "Estonia", "Estonie"),
        new("FI", "Finland", "Finlande"),
        new("FR", "France", "France"),
        new("GE", "Georgia", "Géorgie"),
        new("DE", "Germany", "Allemagne"),
        new("GR", "Greece", "Grèce"),
        new("HU", "Hungary", "Hongrie"),
        new("IS", "Iceland", "Islande"),
        new("IE", "Ireland", "Irlande"),
        new("IT", "Italy", "Italie"),
        new("LV", "Latvia", "Lettonie"),
        new("LI", "Liechtenstein", "Liechtenstein"),
        new("LT", "Lithuania", "Lituanie"),
        new("LU", "Luxembourg", "Luxembourg"),
        new("MT", "Malta", "Malte"),
        new("MD", "Republic of Moldova", "République de Moldova"),
        new("MC", "Monaco", "Monaco"),
        new("ME", "Montenegro", "Monténégro"),
        new("NL", "Netherlands", "Pays-Bas"),
        new("MK", "North Macedonia", "Macédoine du Nord"),
        new("NO", "Norway", "Norvège"),
        new("PL", "Poland", "Pologne"),
        new("PT", "Portugal", "Portugal"),
        new("RO", "Romania", "Roumanie"),
        new("SM", "San Marino", "Saint-Marin"),
        new("RS", "Serbia", "Serbie"),
        new("SK", "Slovak Republic", "République slovaque"),
        new("SI", "Slovenia", "Slovénie"),
        new("ES", "Spain", "Espagne"),
        new("SE", "Sweden", "Suède"),
        new("CH", "Switzerland", "Suisse"),
        new("TR", "Türkiye", "Türkiye"),
        new("UA", "Ukraine", "Ukraine"),
        new("GB", "United Kingdom", "Royaume-Uni"),
    ];

    /// <summary>
    /// Countries outside the Council of Europe that calls commonly add (Pompidou Group members and MedNET
    /// partners), named in both languages. The runtime only knows their native names.
    /// </summary>
    public static readonly IReadOnlyList<Country> CommonAdditions =
    [
        new("DZ", "Algeria", "Algérie"),
        new("CA", "Canada", "Canada"),
        new("EG", "Egypt", "Égypte"),
        new("IL", "Israel", "Israël"),
        new("JO", "Jordan", "Jordanie"),
        new("KZ", "Kazakhstan", "Kazakhstan"),
        new("LB", "Lebanon", "Liban"),
        new("MX", "Mexico", "Mexique"),
        new("MA", "Morocco", "Maroc"),
        new("PS", "Palestine", "Palestine"),
        new("TN", "Tunisia", "Tunisie"),
        new("US", "United States", "États-Unis"),
        new("VA", "Holy See", "Saint-Siège"),
    ];

    private static readonly Dictionary<string, Country> ByCode =
        CouncilOfEuropeMembers.Concat(CommonAdditions).ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> DefaultEligibleCodes { get; } = CouncilOfEuropeMembers.Select(c => c.Code).ToArray();

    /// <summary>True for any ISO 3166-1 alpha-2 code the runtime knows (not only member states).</summary>
    public static bool IsKnownCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return false;
        if (ByCode.ContainsKey(code)) return true;
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The country's name in the reader's language; codes in neither table fall back to the runtime's English name.</summary>
    public static string Name(string code, CultureInfo culture)
    {
        if (ByCode.TryGetValue(code, out var country)) return country.Name(culture);
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
