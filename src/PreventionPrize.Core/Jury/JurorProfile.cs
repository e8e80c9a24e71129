namespace PreventionPrize.Core.Jury;

/// <summary>What the conflict rules compare with the entries: organisations, countries, domains; and what assignment uses: languages read, expertise.</summary>
public sealed class JurorProfile
{
    public List<JurorOrganisation> Organisations { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2 codes of the countries the juror lives or works in.</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>E-mail domains of the juror's organisations (not webmail), e.g. <c>asso-x.org</c>.</summary>
    public List<string> EmailDomains { get; set; } = [];
    /// <summary>Entry languages the juror reads ("en", "fr").</summary>
    public List<string> ReadsLanguages { get; set; } = [];
    /// <summary>Codes from the entry form's vocabulary (digital behaviours, target groups).</summary>
    public List<string> DigitalBehaviours { get; set; } = [];
    public List<string> TargetGroups { get; set; } = [];
}

/// <summary>An organisation the juror works or volunteers for, now or within the last three years.</summary>
public sealed class JurorOrganisation
{
    public const int NameMaxLength = 300;

    public string Name { get; set; } = "";
    public OrganisationTie Tie { get; set; }
    /// <summary>True when the tie continues; otherwise it ended within the last three years.</summary>
    public bool Current { get; set; } = true;
}

public enum OrganisationTie
{
    Employee,
    Volunteer,
    BoardMember,
    Adviser,
}
