namespace PreventionPrize.Scoring;

/// <summary>
/// The bipartite graph with jurors and entries as nodes and a score as an edge. Juror effects are comparable only
/// within one connected piece: two panels that share no entry and no juror could differ by any constant, so a round
/// whose graph falls apart cannot be calibrated as one.
/// </summary>
internal static class DesignGraph
{
    public static int ComponentCount(int jurorCount, int entryCount, IEnumerable<(int Juror, int Entry)> edges)
    {
        var parent = Enumerable.Range(0, jurorCount + entryCount).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var components = jurorCount + entryCount;
        foreach (var (juror, entry) in edges)
        {
            var a = Find(juror);
            var b = Find(jurorCount + entry);
            if (a == b) continue;
            parent[a] = b;
            components--;
        }
        return components;
    }
}
