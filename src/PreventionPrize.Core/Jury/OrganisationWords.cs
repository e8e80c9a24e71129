namespace PreventionPrize.Core.Jury;

/// <summary>The word lists behind <see cref="OrganisationNames"/>, all folded (lower case, no accents).</summary>
internal static class OrganisationWords
{
    /// <summary>
    /// Legal forms say how an organisation is registered, never which one it is, so they are dropped
    /// everywhere, acronyms included. Dotted forms arrive collapsed ("e.V." → "ev", "A.S.B.L." → "asbl").
    /// </summary>
    public static readonly HashSet<string> LegalForms =
    [
        "asbl", "aisbl", "vzw", "ivzw", "ev", "gmbh", "ggmbh", "ag", "kg", "ohg", "ug", "mbh",
        "ltd", "limited", "inc", "incorporated", "plc", "llc", "llp", "cic", "cio", "co", "corp",
        "sa", "sarl", "sas", "sasu", "srl", "spa", "snc", "scop", "scic", "scrl", "sprl", "sca",
        "bv", "nv", "cv", "ab", "as", "asa", "oy", "oyj", "ry", "aps", "odv", "onlus", "ets", "ong", "ngo",
        "zs", "ops", "oz", "doo", "dd", "ad", "ood", "eood", "kft", "zrt", "nyrt", "sro", "ou", "mtu",
        "slu", "sl", "lda", "ipss", "vof",
    ];

    /// <summary>Multi-word legal forms written without dots, e.g. "Verein e V", "Sp. z o.o.", "S.à r.l.".</summary>
    public static readonly string[][] LegalPhrases =
    [
        ["e", "v"],
        ["eingetragener", "verein"],
        ["sp", "z", "oo"],
        ["sp", "z", "o", "o"],
        ["sp", "zoo"],
        ["sa", "rl"],
        ["s", "a", "r", "l"],
        ["z", "s"],
    ];

    /// <summary>
    /// Words that name the kind of non-profit. "Fondation X" and "X" are the same organisation, so the
    /// kind is dropped from the name; two foundations still differ by what remains ("Santé" vs "Jeunesse").
    /// They stay in acronyms: the A of ANPAA is "Association". "University", "institute", "centre" are not
    /// here: "University of Lyon" is not the city of Lyon.
    /// </summary>
    public static readonly HashSet<string> KindWords =
    [
        "association", "associations", "associazione", "asociacion", "associacao", "associacio", "vereniging",
        "verein", "forening", "yhdistys", "stowarzyszenie", "udruga", "udruzenje", "zdruzenje",
        "spolek", "sdruzeni", "zdruzenie", "egyesulet", "asociatia", "dernegi", "sdruzhenie", "enosi",
        "foundation", "fondation", "stiftung", "fundacion", "fondazione", "fundacao", "fundacio", "stichting",
        "fundacja", "nadace", "nadacia", "fundatia", "fondacija", "fundacija", "alapitvany", "vakfi", "saatio",
        "stiftelse", "stiftelsen", "fond",
    ];

    /// <summary>Articles and connecting words in the languages of the member states most entries use.</summary>
    public static readonly HashSet<string> Connectors =
    [
        "the", "of", "for", "and", "in", "on", "at", "to", "a", "an",
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "au", "aux", "sur", "par",
        "der", "die", "das", "dem", "den", "und", "fur", "fuer", "von", "vom", "zur", "zum", "im",
        "di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "per", "il", "lo", "gli", "i", "al", "alla",
        "el", "los", "las", "y", "para", "do", "da", "dos", "das", "o", "os", "em", "no", "na",
        "het", "van", "voor", "een", "te", "op",
    ];

    /// <summary>
    /// Abbreviations and spellings of one word. University is folded across languages because "Univ." is
    /// written in every one of them ("Univ. Lyon 2" is "Université Lyon 2").
    /// </summary>
    public static readonly Dictionary<string, string> Synonyms = new()
    {
        ["assoc"] = "association", ["asso"] = "association", ["assn"] = "association", ["ass"] = "association",
        ["fdn"] = "foundation", ["fond"] = "foundation",
        ["univ"] = "university", ["uni"] = "university", ["universite"] = "university",
        ["universita"] = "university", ["universitat"] = "university", ["universidad"] = "university",
        ["universidade"] = "university", ["universiteit"] = "university", ["uniwersytet"] = "university",
        ["univerzita"] = "university", ["univerzitet"] = "university", ["universitet"] = "university",
        ["st"] = "saint", ["sankt"] = "saint", ["ste"] = "sainte",
        ["ctr"] = "centre", ["ctre"] = "centre", ["center"] = "centre",
        ["intl"] = "international", ["natl"] = "national", ["dept"] = "department", ["inst"] = "institute",
    };
}
