namespace PreventionPrize.Assignment;

/// <summary>
/// An immutable assignment problem: who may read what, how many readers each entry needs, how much each juror
/// may read. Build one with <see cref="Create"/>; derive a changed copy with <see cref="ToBuilder"/>.
/// </summary>
public sealed class AssignmentProblem
{
    // Affinities and forbidden pairs are kept per entry (compressed rows) because the solver scans an entry's row
    // at a time; a dictionary of 3.5 million pairs would cost several times the memory.
    internal readonly int[] AffinityStart, AffinityJuror, AffinityValue;
    internal readonly int[] ForbiddenStart, ForbiddenJuror;
    private readonly int[] demand, minLoad, maxLoad;
    private readonly int[]? jurorGroup;
    private readonly Pair[] fixedPairs;

    internal AssignmentProblem(
        int entryCount, int jurorCount, int[] demand, int[] minLoad, int[] maxLoad, int[]? jurorGroup, int groupCap,
        int loadBalanceWeight, (int[] Start, int[] Juror, int[] Value) affinity, (int[] Start, int[] Juror) forbidden,
        Pair[] fixedPairs)
    {
        EntryCount = entryCount;
        JurorCount = jurorCount;
        this.demand = demand;
        this.minLoad = minLoad;
        this.maxLoad = maxLoad;
        this.jurorGroup = jurorGroup;
        GroupCap = groupCap;
        LoadBalanceWeight = loadBalanceWeight;
        (AffinityStart, AffinityJuror, AffinityValue) = affinity;
        (ForbiddenStart, ForbiddenJuror) = forbidden;
        this.fixedPairs = fixedPairs;
        GroupCount = jurorGroup is null || jurorGroup.Length == 0 ? 0 : jurorGroup.Max() + 1;
    }

    public static AssignmentProblemBuilder Create(int entryCount, int jurorCount, int jurorsPerEntry) =>
        new(entryCount, jurorCount, jurorsPerEntry);

    public int EntryCount { get; }
    public int JurorCount { get; }

    /// <summary>How many jurors each entry needs (k), fixed pairs included.</summary>
    public IReadOnlyList<int> Demand => demand;
    public IReadOnlyList<int> MinLoad => minLoad;
    public IReadOnlyList<int> MaxLoad => maxLoad;

    /// <summary>Each juror's group (e.g. country), or null when groups are not capped.</summary>
    public IReadOnlyList<int>? JurorGroup => jurorGroup;
    public int GroupCount { get; }

    /// <summary>At most this many jurors of one group on one entry; <see cref="int.MaxValue"/> when uncapped.</summary>
    public int GroupCap { get; }

    /// <summary>Weight of the convex load-balance cost (see <see cref="LoadBalance"/>); 0 solves affinity alone.</summary>
    public int LoadBalanceWeight { get; }

    /// <summary>Pairs that must be in the result (locked by the Secretariat, or kept by a repair).</summary>
    public IReadOnlyList<Pair> FixedPairs => fixedPairs;

    public int AffinityCount => AffinityJuror.Length;

    public int AffinityOf(int entry, int juror)
    {
        // Scanned from the end because the last value given for a pair wins.
        for (var p = AffinityStart[entry + 1] - 1; p >= AffinityStart[entry]; p--)
            if (AffinityJuror[p] == juror) return AffinityValue[p];
        return 0;
    }

    public bool IsForbidden(int entry, int juror)
    {
        for (var p = ForbiddenStart[entry]; p < ForbiddenStart[entry + 1]; p++)
            if (ForbiddenJuror[p] == juror) return true;
        return false;
    }

    public IEnumerable<Affinity> Affinities()
    {
        for (var e = 0; e < EntryCount; e++)
            for (var p = AffinityStart[e]; p < AffinityStart[e + 1]; p++)
                yield return new Affinity(e, AffinityJuror[p], AffinityValue[p]);
    }

    public IEnumerable<Pair> ForbiddenPairs()
    {
        for (var e = 0; e < EntryCount; e++)
            for (var p = ForbiddenStart[e]; p < ForbiddenStart[e + 1]; p++)
                yield return new Pair(e, ForbiddenJuror[p]);
    }

    public AssignmentProblemBuilder ToBuilder() => new(this);
}
