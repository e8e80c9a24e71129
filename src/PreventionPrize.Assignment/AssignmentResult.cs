namespace PreventionPrize.Assignment;

public enum EntryShortfallReason
{
    /// <summary>Fewer jurors may read the entry (not forbidden) than it needs, whatever the loads.</summary>
    TooFewEligibleJurors,

    /// <summary>Enough eligible jurors, but the per-group cap leaves too few of them usable.</summary>
    GroupCapTooTight,

    /// <summary>Enough eligible jurors, but they are at their maximum loads.</summary>
    JurorCapacityExhausted,
}

public enum JurorShortfallReason
{
    /// <summary>Fewer entries may go to the juror than the juror's minimum load.</summary>
    TooFewEligibleEntries,

    /// <summary>The juror's eligible entries are covered by others, who could not give them up without an entry losing a reader.</summary>
    EligibleEntriesAlreadyCovered,
}

public sealed record EntryShortfall(int Entry, int Demand, int Assigned, int EligibleJurors, EntryShortfallReason Reason);

public sealed record JurorShortfall(int Juror, int MinLoad, int Load, int EligibleEntries, JurorShortfallReason Reason);

/// <summary>
/// How the solve went. <see cref="Rounds"/> counts the sparse solves; the last one was proved optimal for the whole
/// problem with <see cref="EntryPotentials"/> and <see cref="JurorPotentials"/> (node potentials of the flow network:
/// no eligible pair, in the graph or left out, has a negative reduced cost against them).
/// </summary>
public sealed record SolveStatistics(
    int Rounds, int CandidatePairs, long EligiblePairs, int FlowNodes, int FlowArcs,
    IReadOnlyList<long> EntryPotentials, IReadOnlyList<long> JurorPotentials);

public sealed record AssignmentResult(
    IReadOnlyList<Pair> Pairs,
    long Objective,
    long BalancePenalty,
    IReadOnlyList<int> Coverage,
    IReadOnlyList<int> Loads,
    IReadOnlyList<EntryShortfall> EntryShortfalls,
    IReadOnlyList<JurorShortfall> JurorShortfalls,
    SolveStatistics Statistics)
{
    /// <summary>Every entry has its demand and every juror at least the minimum load.</summary>
    public bool IsComplete => EntryShortfalls.Count == 0 && JurorShortfalls.Count == 0;
}
