namespace PreventionPrize.Assignment;

/// <summary>
/// Node potentials (dual prices) for an optimal flow: shortest distances in its residual network from a virtual
/// root joined to every node at cost 0. A flow is optimal exactly when its residual network has no negative cycle;
/// then the distances exist and every residual arc u→v of cost c has reduced cost c + d(u) − d(v) ≥ 0.
/// </summary>
internal static class Potentials
{
    public static long[] Compute(FlowNetwork network, long[] flow)
    {
        var n = network.NodeCount;
        var start = new int[n + 1];
        for (var a = 0; a < network.ArcCount; a++)
        {
            if (flow[a] < network.Capacity(a)) start[network.Tail(a) + 1]++;
            if (flow[a] > 0) start[network.Head(a) + 1]++;
        }
        for (var v = 0; v < n; v++) start[v + 1] += start[v];
        var next = (int[])start.Clone();
        var to = new int[start[n]];
        var cost = new long[start[n]];
        for (var a = 0; a < network.ArcCount; a++)
        {
            if (flow[a] < network.Capacity(a))
                (to[next[network.Tail(a)]], cost[next[network.Tail(a)]++]) = (network.Head(a), network.Cost(a));
            if (flow[a] > 0)
                (to[next[network.Head(a)]], cost[next[network.Head(a)]++]) = (network.Tail(a), -network.Cost(a));
        }
        return ShortestDistances(n, start, to, cost);
    }

    // SPFA (queue-based Bellman-Ford): fast on these near-bipartite networks, and a node relaxed n times proves a
    // negative cycle, which would mean the flow handed in was not optimal.
    private static long[] ShortestDistances(int n, int[] start, int[] to, long[] cost)
    {
        var distance = new long[n];
        var queued = new bool[n];
        var relaxed = new int[n];
        var queue = new Queue<int>(n);
        for (var v = 0; v < n; v++) { queue.Enqueue(v); queued[v] = true; }
        while (queue.TryDequeue(out var u))
        {
            queued[u] = false;
            for (var e = start[u]; e < start[u + 1]; e++)
            {
                var v = to[e];
                var candidate = distance[u] + cost[e];
                if (candidate >= distance[v]) continue;
                distance[v] = candidate;
                if (++relaxed[v] > n) throw new InvalidOperationException("The residual network has a negative cycle: the flow is not optimal.");
                if (!queued[v]) { queue.Enqueue(v); queued[v] = true; }
            }
        }
        return distance;
    }
}
