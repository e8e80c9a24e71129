namespace PreventionPrize.Core.Calls;

/// <summary>One edition of the prize: what applicants answer and when they may submit.</summary>
public sealed class Call
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 8000;
    public const int RulesMaxLength = 20000;
    public const int MaxGraceMinutes = 24 * 60;

    public int Id { get; set; }

    /// <summary>Short stable code (e.g. <c>DPP-2026</c>) used in URLs and entry reference codes.</summary>
    public string Code { get; set; } = "";

    public string TitleEn { get; set; } = "";
    public string TitleFr { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionFr { get; set; } = "";
    public string RulesEn { get; set; } = "";
    public string RulesFr { get; set; } = "";

    public DateTime OpensAtUtc { get; set; }
    public DateTime ClosesAtUtc { get; set; }
    public int GraceMinutes { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string> EligibleCountries { get; set; } = [];

    /// <summary>Languages entries may be written in: a subset of <see cref="EntryLanguages.All"/>.</summary>
    public List<string> EntryLanguages { get; set; } = [];

    public EntryRules EntryRules { get; set; } = new();

    public CallStatus Status { get; set; } = CallStatus.Draft;

    /// <summary>What a juror and an entry from the same country means: a soft conflict unless the Secretariat decides otherwise.</summary>
    public Jury.CountryConflictRule CountryConflictRule { get; set; } = Jury.CountryConflictRule.Soft;

    /// <summary>The release instant (the ceremony): decisions are pending, invisible to all but the Secretariat, until then.</summary>
    public DateTime? ResultsReleaseAtUtc { get; set; }
    /// <summary>When the release job queued the results e-mails: once, by whichever instance claimed it first.</summary>
    public DateTime? ResultsReleasedAtUtc { get; set; }

    /// <summary>When set, the jurors who accepted are listed on the call's page, so applicants can declare relationships with them.</summary>
    public DateTime? JuryPublishedAtUtc { get; set; }

    public const int DefaultRetentionMonths = 24;
    public const int MaxRetentionMonths = 120;

    /// <summary>
    /// How long after the results are released the personal data of unsuccessful entries is kept; then it is
    /// anonymised (the entry's facts and scores stay for the statistics and the audit trail).
    /// </summary>
    public int RetentionMonths { get; set; } = DefaultRetentionMonths;

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// Application-managed concurrency token: SQLite cannot generate rowversion values, so both providers
    /// use a number the application increments on every change.
    /// </summary>
    public int Version { get; set; }

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
