namespace PreventionPrize.Core.Rounds;

/// <summary>
/// One stage of judging within a call: the entries in it, the jurors who judge them, how entries are given to
/// jurors, and (from the scoring issue) the criteria and the deadline.
/// </summary>
public sealed class Round
{
    public const int NameMaxLength = 120;

    public int Id { get; set; }
    public int CallId { get; set; }
    /// <summary>1 for the first round of the call, 2 for the next (a shortlist), …</summary>
    public int Number { get; set; }
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public RoundStatus Status { get; set; } = RoundStatus.Draft;
    public DateTime ScoringDeadlineUtc { get; set; }

    public AssignmentMode Mode { get; set; } = AssignmentMode.EveryJurorEveryEntry;
    /// <summary>Jurors per entry (k) in an optimised assignment.</summary>
    public int JurorsPerEntry { get; set; } = 3;
    public int MinLoad { get; set; }
    public int MaxLoad { get; set; } = 20;
    /// <summary>At most this many jurors of one country on one entry; null for no cap.</summary>
    public int? MaxJurorsPerCountry { get; set; }

    /// <summary>When the jurors were told their entries; they see nothing of the round before.</summary>
    public DateTime? AssignmentsPublishedAtUtc { get; set; }
    /// <summary>Each publication is its own e-mail event: republishing after a repair tells the jurors again.</summary>
    public int Publications { get; set; }

    /// <summary>
    /// True for a first round: every entry the Secretariat finds eligible is in it, even one screened after the
    /// round opened. False for a shortlist: only the <see cref="Entries"/> listed.
    /// </summary>
    public bool AllEligibleEntries { get; set; } = true;
    /// <summary>True: every juror who accepted is in the round, even one who joins later. False: only <see cref="Jurors"/>.</summary>
    public bool AllJurors { get; set; } = true;

    public Scoring.ScoreVisibility ScoreVisibility { get; set; } = Scoring.ScoreVisibility.Never;
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>Each batch of reminders is its own e-mail event.</summary>
    public int Reminders { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }

    public List<Scoring.Criterion> Criteria { get; set; } = [];

    public List<RoundEntry> Entries { get; set; } = [];
    public List<RoundJuror> Jurors { get; set; } = [];

    public void Touch() => Version++;
}

public enum RoundStatus { Draft, Open, Closed }

public enum AssignmentMode
{
    /// <summary>Every juror of the round judges every entry of it, minus conflicts: the default for a small jury.</summary>
    EveryJurorEveryEntry,
    /// <summary>k jurors per entry, chosen by the min-cost-flow solver (docs/assignment.md).</summary>
    Optimised,
}

/// <summary>An entry chosen for a round (or, in a round of all eligible entries, one whose translation was approved).</summary>
public sealed class RoundEntry
{
    public int RoundId { get; set; }
    public int EntryId { get; set; }
    /// <summary>A translation the Secretariat approved: jurors who do not read the entry's language may judge it.</summary>
    public bool TranslationApproved { get; set; }
}

public sealed class RoundJuror
{
    public int RoundId { get; set; }
    public int JuryMemberId { get; set; }
}
