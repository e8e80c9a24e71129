namespace PreventionPrize.Core.Jury;

/// <summary>
/// A reason why a juror should not judge an entry. Rows are never deleted: clearing a soft conflict keeps the
/// row with who cleared it and why, so the jury report can show every conflict ever found.
/// </summary>
public sealed class Conflict
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int CallId { get; set; }
    public int JuryMemberId { get; set; }
    public int EntryId { get; set; }

    public ConflictType Type { get; set; }
    public ConflictSeverity Severity { get; set; }
    public ConflictSource Source { get; set; }
    /// <summary>In plain words, for the matrix and the audit trail (e.g. which names matched).</summary>
    public string Reason { get; set; } = "";
    public DateTime FoundAtUtc { get; set; }
    public string? FoundById { get; set; }

    /// <summary>The Secretariat confirmed it: it binds as a hard conflict and can no longer be cleared.</summary>
    public bool Pinned { get; set; }
    public DateTime? ClearedAtUtc { get; set; }
    public string? ClearedById { get; set; }
    public string? ClearReason { get; set; }

    public bool Active => ClearedAtUtc is null;

    /// <summary>A hard conflict (or a pinned one) keeps the juror away from the entry; a soft one only informs assignment.</summary>
    public bool Binding => Active && (Severity == ConflictSeverity.Hard || Pinned);
}

public enum ConflictType
{
    SameOrganisation,
    SameEmailDomain,
    NamedInTeam,
    SameCountry,
    Employment,
    Funding,
    Advisory,
    Family,
    PreviousApplication,
    PreviousAward,
    Other,
}

public enum ConflictSeverity
{
    Soft,
    Hard,
}

public enum ConflictSource
{
    Juror,
    Applicant,
    Rule,
    Secretariat,
    Recusal,
}

/// <summary>What the same-country rule does, per call.</summary>
public enum CountryConflictRule
{
    Soft,
    Hard,
    Ignore,
}
