namespace PreventionPrize.Assignment;

/// <summary>DIMACS min-cost flow ("p min"): 1-based nodes, "n id supply", "a from to low cap cost".</summary>
internal static class DimacsWriter
{
    public static void Write(FlowModel model, FlowNetwork network, TextWriter writer)
    {
        var problem = model.Problem;
        int n = problem.EntryCount, m = problem.JurorCount;
        writer.WriteLine("c PreventionPrize assignment network: minimise cost; -cost of the pair arcs is the total affinity.");
        writer.WriteLine($"c nodes 1..{n} entries, {n + 1}..{n + m} jurors, {n + m + 1} sink"
            + (network.NodeCount > n + m + 1 ? $", {n + m + 2}..{network.NodeCount} (entry, group) nodes." : "."));
        writer.WriteLine($"c arcs entry->sink of cost {model.Costs.Unserved} are slots left unfilled; when none carries flow,");
        writer.WriteLine("c the optimum is minus the total affinity (plus any balance cost, minus min-load rewards).");
        writer.WriteLine($"p min {network.NodeCount} {network.ArcCount}");
        for (var v = 0; v < network.NodeCount; v++)
            if (network.Supply[v] != 0) writer.WriteLine($"n {v + 1} {network.Supply[v]}");
        for (var a = 0; a < network.ArcCount; a++)
            writer.WriteLine($"a {network.Tail(a) + 1} {network.Head(a) + 1} 0 {network.Capacity(a)} {network.Cost(a)}");
    }
}
