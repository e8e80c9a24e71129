namespace PreventionPrize.Core.Rounds;

/// <summary>A juror given an entry in a round, with why (the parts of its suitability) and whether it is locked.</summary>
public sealed class JurorAssignment
{
    public const int ExplanationMaxLength = 1000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public int EntryId { get; set; }
    public int JuryMemberId { get; set; }
    public AssignmentOrigin Origin { get; set; }
    /// <summary>Locked pairs survive every recomputation and repair; only a person removes them.</summary>
    public bool Locked { get; set; }
    public int Suitability { get; set; }
    /// <summary>The suitability's parts in a stable, language-neutral form, e.g. <c>behaviour:gaming=+10;country:FR=-30</c>.</summary>
    public string Explanation { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public enum AssignmentOrigin { Everyone, Solver, Repair, Manual, Import }
