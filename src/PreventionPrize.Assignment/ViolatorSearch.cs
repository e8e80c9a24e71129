namespace PreventionPrize.Assignment;

/// <summary>
/// The optimality proof for a sparse solve. The sparse flow is a feasible flow of the full network (left-out pair
/// arcs carry nothing), and its potentials give every arc of the sparse residual network a reduced cost ≥ 0. A
/// left-out pair arc has residual capacity 1 forward only, so if its reduced cost −affinity + π(tail) − π(juror) is
/// also ≥ 0 for every left-out pair, the same potentials certify the full residual network: the flow is optimal for
/// the whole problem. Otherwise the most negative pairs of each entry join the graph for the next round.
/// </summary>
internal static class ViolatorSearch
{
    public static int AddViolators(FlowModel model, long[] potential, int perEntry)
    {
        var problem = model.Problem;
        var scanner = new RowScanner(model);
        var inGraph = new int[problem.JurorCount];
        var worst = new List<(int Juror, long Reduced)>();
        var added = 0;
        for (var e = 0; e < problem.EntryCount; e++)
        {
            if (model.RemainingDemand[e] == 0) continue;
            scanner.Load(e);
            var candidates = model.Candidates[e];
            foreach (var c in candidates) inGraph[c.Juror] = e + 1;
            worst.Clear();
            for (var j = 0; j < problem.JurorCount; j++)
            {
                if (inGraph[j] == e + 1 || !scanner.IsEligible(j)) continue;
                var reduced = -(long)scanner.Affinity(j) + potential[scanner.TailNode(j)] - potential[model.JurorNode(j)];
                if (reduced < 0) KeepMostNegative(worst, perEntry, j, reduced);
            }
            // Adding every violator at once would flood the graph while the first potentials are still crude (an
            // entry that could not be covered prices all its left-out pairs as violators); a few per entry suffice.
            foreach (var (j, _) in worst) candidates.Add(new FlowModel.Candidate(j, scanner.Affinity(j), scanner.TailNode(j)));
            added += worst.Count;
        }
        return added;
    }

    private static void KeepMostNegative(List<(int Juror, long Reduced)> worst, int keep, int juror, long reduced)
    {
        if (worst.Count == keep && worst[^1].Reduced <= reduced) return;
        var at = worst.Count;
        while (at > 0 && worst[at - 1].Reduced > reduced) at--;
        worst.Insert(at, (juror, reduced));
        if (worst.Count > keep) worst.RemoveAt(worst.Count - 1);
    }
}
