namespace PreventionPrize.Assignment;

/// <summary>
/// One pass over every (entry, juror) pair: counts what the shortfall reasons need, creates the per-(entry, group)
/// nodes where the cap can bind, and keeps each entry's best eligible jurors by affinity as the first sparse graph
/// (all of them in dense mode).
/// </summary>
internal sealed class CandidateSelection(FlowModel model, int candidatesPerSlot)
{
    public void Run()
    {
        var problem = model.Problem;
        var scanner = new RowScanner(model);
        var groups = Math.Max(1, problem.GroupCount);
        var nonForbiddenInGroup = new int[groups];
        var eligibleInGroup = new int[groups];
        var best = new List<(int Juror, int Value)>();
        for (var e = 0; e < problem.EntryCount; e++)
        {
            scanner.Load(e);
            Array.Clear(nonForbiddenInGroup);
            Array.Clear(eligibleInGroup);
            best.Clear();
            var keep = model.IsDense ? int.MaxValue : candidatesPerSlot * model.RemainingDemand[e];
            int nonForbidden = 0, eligible = 0;
            for (var j = 0; j < problem.JurorCount; j++)
            {
                if (scanner.IsForbidden(j)) continue;
                nonForbidden++;
                model.NonForbiddenEntries[j]++;
                if (scanner.IsFixed(j)) continue;
                nonForbiddenInGroup[scanner.GroupOf(j)]++;
                if (!scanner.IsEligible(j)) continue;
                eligible++;
                eligibleInGroup[scanner.GroupOf(j)]++;
                Keep(best, keep, j, scanner.Affinity(j));
            }
            model.NonForbiddenJurors[e] = nonForbidden;
            model.EligiblePairs += eligible;
            model.GroupUsableJurors[e] = nonForbidden;
            if (problem.JurorGroup is not null)
            {
                model.GroupUsableJurors[e] = model.FixedCount[e];
                for (var g = 0; g < groups; g++)
                {
                    var cap = scanner.RemainingGroupCap(g);
                    model.GroupUsableJurors[e] += Math.Min(cap, nonForbiddenInGroup[g]);
                    // A node only where the cap can bind: more eligible jurors of the group than it lets through.
                    if (eligibleInGroup[g] > cap) model.AddGroupNode(e, g, cap);
                }
                scanner.Load(e);
            }
            model.Candidates[e] = best.Select(b => new FlowModel.Candidate(b.Juror, b.Value, scanner.TailNode(b.Juror))).ToList();
        }
    }

    // Keeps the `keep` highest affinities, earlier (lower) jurors first among equals; `keep` is small in sparse mode.
    private static void Keep(List<(int Juror, int Value)> best, int keep, int juror, int value)
    {
        if (keep == int.MaxValue) { best.Add((juror, value)); return; }
        if (keep == 0 || (best.Count == keep && best[^1].Value >= value)) return;
        var at = best.Count;
        while (at > 0 && best[at - 1].Value < value) at--;
        best.Insert(at, (juror, value));
        if (best.Count > keep) best.RemoveAt(best.Count - 1);
    }
}
