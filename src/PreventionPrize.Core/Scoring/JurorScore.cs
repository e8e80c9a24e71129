namespace PreventionPrize.Core.Scoring;

/// <summary>
/// One juror's scores for one entry in one round: a draft until submitted, changeable until the round closes.
/// Every change is audited with the old and new values.
/// </summary>
public sealed class JurorScore
{
    public const int CommentMaxLength = 4000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public int EntryId { get; set; }
    public int JuryMemberId { get; set; }
    public ScoreStatus Status { get; set; } = ScoreStatus.Draft;
    public List<CriterionValue> Values { get; set; } = [];
    /// <summary>For the jury's record; never shown to the applicant.</summary>
    public string Comment { get; set; } = "";
    /// <summary>Optional feedback the applicant may receive with the results.</summary>
    public string Feedback { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public int Version { get; set; }

    public int? ValueOf(int criterionId) => Values.FirstOrDefault(v => v.CriterionId == criterionId)?.Value;
}

public sealed class CriterionValue
{
    public int CriterionId { get; set; }
    public int? Value { get; set; }
}

public enum ScoreStatus { Draft, Submitted }

/// <summary>When a juror may see the other jurors' scores for an entry.</summary>
public enum ScoreVisibility { Never, AfterOwnSubmitted, AfterRoundClosed }
