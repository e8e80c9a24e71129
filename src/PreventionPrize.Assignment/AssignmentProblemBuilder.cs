namespace PreventionPrize.Assignment;

/// <summary>Collects a problem's data; <see cref="Build"/> checks indices and freezes it.</summary>
public sealed class AssignmentProblemBuilder
{
    private readonly int entryCount, jurorCount;
    private readonly int[] demand, minLoad, maxLoad;
    private int[]? jurorGroup;
    private int groupCap = int.MaxValue;
    private int loadBalanceWeight;
    private readonly List<Affinity> affinities = [];
    private readonly List<Pair> forbidden = [];
    private readonly List<Pair> fixedPairs = [];

    internal AssignmentProblemBuilder(int entryCount, int jurorCount, int jurorsPerEntry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryCount);
        ArgumentOutOfRangeException.ThrowIfNegative(jurorCount);
        ArgumentOutOfRangeException.ThrowIfNegative(jurorsPerEntry);
        this.entryCount = entryCount;
        this.jurorCount = jurorCount;
        demand = Enumerable.Repeat(jurorsPerEntry, entryCount).ToArray();
        minLoad = new int[jurorCount];
        // Unbounded unless told: no juror can read more than every entry once.
        maxLoad = Enumerable.Repeat(entryCount, jurorCount).ToArray();
    }

    internal AssignmentProblemBuilder(AssignmentProblem problem) : this(problem.EntryCount, problem.JurorCount, 0)
    {
        problem.Demand.ToArray().CopyTo(demand, 0);
        problem.MinLoad.ToArray().CopyTo(minLoad, 0);
        problem.MaxLoad.ToArray().CopyTo(maxLoad, 0);
        jurorGroup = problem.JurorGroup?.ToArray();
        groupCap = problem.GroupCap;
        loadBalanceWeight = problem.LoadBalanceWeight;
        affinities.AddRange(problem.Affinities());
        forbidden.AddRange(problem.ForbiddenPairs());
        fixedPairs.AddRange(problem.FixedPairs);
    }

    public AssignmentProblemBuilder WithDemand(int entry, int jurors)
    {
        CheckEntry(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(jurors);
        demand[entry] = jurors;
        return this;
    }

    public AssignmentProblemBuilder WithLoads(int min, int max)
    {
        for (var j = 0; j < jurorCount; j++) WithLoad(j, min, max);
        return this;
    }

    public AssignmentProblemBuilder WithLoad(int juror, int min, int max)
    {
        CheckJuror(juror);
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        (minLoad[juror], maxLoad[juror]) = (min, max);
        return this;
    }

    /// <summary>At most <paramref name="cap"/> jurors of one group (e.g. one country) on any entry.</summary>
    public AssignmentProblemBuilder WithGroups(IReadOnlyList<int> groupOfJuror, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(groupOfJuror.Count, jurorCount);
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        if (groupOfJuror.Any(g => g < 0)) throw new ArgumentOutOfRangeException(nameof(groupOfJuror));
        jurorGroup = groupOfJuror.ToArray();
        groupCap = cap;
        return this;
    }

    public AssignmentProblemBuilder WithLoadBalanceWeight(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        loadBalanceWeight = weight;
        return this;
    }

    /// <summary>Reserves room for this many affinities, so that reading millions of them does not grow the list step by step.</summary>
    public AssignmentProblemBuilder WithAffinityCapacity(int count)
    {
        affinities.EnsureCapacity(count);
        return this;
    }

    /// <summary>Adds many affinities at once (a file's worth); given twice, the last value of a pair wins.</summary>
    public AssignmentProblemBuilder AddAffinities(ReadOnlySpan<Affinity> values)
    {
        foreach (var a in values)
        {
            CheckEntry(a.Entry);
            CheckJuror(a.Juror);
        }
        affinities.AddRange(values);
        return this;
    }

    /// <summary>Sets a pair's affinity; given twice, the last value wins.</summary>
    public AssignmentProblemBuilder AddAffinity(int entry, int juror, int value)
    {
        CheckEntry(entry);
        CheckJuror(juror);
        affinities.Add(new Affinity(entry, juror, value));
        return this;
    }

    public AssignmentProblemBuilder Forbid(int entry, int juror)
    {
        CheckEntry(entry);
        CheckJuror(juror);
        forbidden.Add(new Pair(entry, juror));
        return this;
    }

    public AssignmentProblemBuilder Fix(int entry, int juror)
    {
        CheckEntry(entry);
        CheckJuror(juror);
        fixedPairs.Add(new Pair(entry, juror));
        return this;
    }

    internal AssignmentProblemBuilder WithoutFixedPairs()
    {
        fixedPairs.Clear();
        return this;
    }

    public AssignmentProblem Build()
    {
        var forbiddenRows = Rows(forbidden, p => p.Entry, p => p.Juror, _ => 0);
        var fixedDistinct = fixedPairs.Distinct().ToArray();
        // A locked pair that is also forbidden is a contradiction in the caller's data, not an infeasibility.
        var forbiddenSet = forbidden.ToHashSet();
        foreach (var pair in fixedDistinct.Where(forbiddenSet.Contains))
            throw new ArgumentException($"Pair (entry {pair.Entry}, juror {pair.Juror}) is both fixed and forbidden.");
        return new AssignmentProblem(
            entryCount, jurorCount, (int[])demand.Clone(), (int[])minLoad.Clone(), (int[])maxLoad.Clone(),
            (int[]?)jurorGroup?.Clone(), jurorGroup is null ? int.MaxValue : groupCap, loadBalanceWeight,
            AffinityRows(), (forbiddenRows.Start, forbiddenRows.Juror),
            fixedDistinct);
    }

    // The same as Rows, written out: millions of affinities go through it, and the delegates cost a tenth of a second.
    private (int[] Start, int[] Juror, int[] Value) AffinityRows()
    {
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(affinities);
        var start = new int[entryCount + 1];
        foreach (ref readonly var a in items) start[a.Entry + 1]++;
        for (var e = 0; e < entryCount; e++) start[e + 1] += start[e];
        var next = start[..^1];
        var juror = new int[items.Length];
        var value = new int[items.Length];
        foreach (ref readonly var a in items)
        {
            var at = next[a.Entry]++;
            juror[at] = a.Juror;
            value[at] = a.Value;
        }
        return (start, juror, value);
    }

    // A stable counting sort by entry, so that a pair given twice keeps its input order (and the last value wins).
    private (int[] Start, int[] Juror, int[] Value) Rows<T>(
        List<T> items, Func<T, int> entryOf, Func<T, int> jurorOf, Func<T, int> valueOf)
    {
        var start = new int[entryCount + 1];
        foreach (var item in items) start[entryOf(item) + 1]++;
        for (var e = 0; e < entryCount; e++) start[e + 1] += start[e];
        var next = (int[])start.Clone();
        var juror = new int[items.Count];
        var value = new int[items.Count];
        foreach (var item in items)
        {
            var at = next[entryOf(item)]++;
            juror[at] = jurorOf(item);
            value[at] = valueOf(item);
        }
        return (start, juror, value);
    }

    private void CheckEntry(int entry) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)entry, (uint)entryCount, nameof(entry));
    private void CheckJuror(int juror) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)juror, (uint)jurorCount, nameof(juror));
}
