namespace PreventionPrize.Assignment;

/// <summary>
/// The optimality proof for a sparse solve. The sparse flow is a feasible flow of the full network (left-out pair
/// arcs carry nothing), and its potentials give every arc of the sparse residual network a reduced cost ≥ 0. A
/// left-out pair arc has residual capacity 1 forward only, so if its reduced cost −affinity + π(tail) − π(juror) is
/// also ≥ 0 for every left-out pair, the same potentials certify the full residual network: the flow is optimal for
/// the whole problem. Pairs with a negative reduced cost are added to the graph for the next round.
/// </summary>
internal static class ViolatorSearch
{
    public static int AddViolators(FlowModel model, long[] potential)
    {
        var problem = model.Problem;
        var scanner = new RowScanner(model);
        var inGraph = new int[problem.JurorCount];
        var added = 0;
        for (var e = 0; e < problem.EntryCount; e++)
        {
            if (model.RemainingDemand[e] == 0) continue;
            scanner.Load(e);
            var candidates = model.Candidates[e];
            foreach (var c in candidates) inGraph[c.Juror] = e + 1;
            for (var j = 0; j < problem.JurorCount; j++)
            {
                if (inGraph[j] == e + 1 || !scanner.IsEligible(j)) continue;
                var tail = scanner.TailNode(j);
                var reduced = -(long)scanner.Affinity(j) + potential[tail] - potential[model.JurorNode(j)];
                if (reduced >= 0) continue;
                candidates.Add(new FlowModel.Candidate(j, scanner.Affinity(j), tail));
                added++;
            }
        }
        return added;
    }
}
