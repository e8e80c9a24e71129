using Google.OrTools.Graph;

namespace PreventionPrize.Assignment;

/// <summary>A min-cost-flow network kept in managed arrays, so that it can be solved, checked and written out.</summary>
internal sealed class FlowNetwork(int nodeCount, int arcCapacity)
{
    private int[] tail = new int[arcCapacity], head = new int[arcCapacity];
    private long[] capacity = new long[arcCapacity], cost = new long[arcCapacity];
    // For pair arcs (entry → juror, possibly through a group node) the pair; -1 for the others.
    private int[] pairEntry = new int[arcCapacity], pairJuror = new int[arcCapacity];

    public int NodeCount { get; } = nodeCount;
    public int ArcCount { get; private set; }
    public long[] Supply { get; } = new long[nodeCount];

    public int Tail(int arc) => tail[arc];
    public int Head(int arc) => head[arc];
    public long Capacity(int arc) => capacity[arc];
    public long Cost(int arc) => cost[arc];
    public bool IsPair(int arc, out Pair pair)
    {
        pair = new Pair(pairEntry[arc], pairJuror[arc]);
        return pairEntry[arc] >= 0;
    }

    public void AddArc(int from, int to, long cap, long unitCost, int entry = -1, int juror = -1)
    {
        if (cap <= 0) return;
        if (ArcCount == tail.Length)
        {
            var size = Math.Max(16, tail.Length * 2);
            Array.Resize(ref tail, size);
            Array.Resize(ref head, size);
            Array.Resize(ref capacity, size);
            Array.Resize(ref cost, size);
            Array.Resize(ref pairEntry, size);
            Array.Resize(ref pairJuror, size);
        }
        (tail[ArcCount], head[ArcCount], capacity[ArcCount], cost[ArcCount]) = (from, to, cap, unitCost);
        (pairEntry[ArcCount], pairJuror[ArcCount]) = (entry, juror);
        ArcCount++;
    }

    /// <summary>Solves with OR-Tools' cost-scaling min-cost flow and returns each arc's flow.</summary>
    public long[] Solve()
    {
        using var solver = new MinCostFlow(NodeCount, ArcCount);
        for (var a = 0; a < ArcCount; a++)
        {
            var index = solver.AddArcWithCapacityAndUnitCost(tail[a], head[a], capacity[a], cost[a]);
            if (index != a) throw new InvalidOperationException($"OR-Tools numbered arc {a} as {index}.");
        }
        for (var n = 0; n < NodeCount; n++)
            if (Supply[n] != 0) solver.SetNodeSupply(n, Supply[n]);
        // Always feasible: every entry has an arc straight to the sink for the slots nobody can fill.
        var status = solver.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"Min-cost flow ended {status} on a network that is feasible by construction.");
        var flow = new long[ArcCount];
        for (var a = 0; a < ArcCount; a++) flow[a] = solver.Flow(a);
        return flow;
    }
}
