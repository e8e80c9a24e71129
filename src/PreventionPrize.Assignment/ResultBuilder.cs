namespace PreventionPrize.Assignment;

internal static class ResultBuilder
{
    public static AssignmentResult Build(FlowModel model, FlowNetwork network, long[] flow, long[] potential, int rounds)
    {
        var problem = model.Problem;
        var pairs = new List<Pair>(problem.FixedPairs);
        long objective = problem.FixedPairs.Sum(p => (long)problem.AffinityOf(p.Entry, p.Juror));
        for (var a = 0; a < network.ArcCount; a++)
        {
            if (flow[a] == 0 || !network.IsPair(a, out var pair)) continue;
            pairs.Add(pair);
            objective -= network.Cost(a);
        }
        pairs.Sort((x, y) => x.Entry != y.Entry ? x.Entry.CompareTo(y.Entry) : x.Juror.CompareTo(y.Juror));
        var coverage = new int[problem.EntryCount];
        var loads = new int[problem.JurorCount];
        foreach (var (e, j) in pairs) (coverage[e], loads[j]) = (coverage[e] + 1, loads[j] + 1);

        var entryShortfalls = new List<EntryShortfall>();
        for (var e = 0; e < problem.EntryCount; e++)
        {
            if (coverage[e] >= problem.Demand[e]) continue;
            var reason = model.NonForbiddenJurors[e] < problem.Demand[e] ? EntryShortfallReason.TooFewEligibleJurors
                : model.GroupUsableJurors[e] < problem.Demand[e] ? EntryShortfallReason.GroupCapTooTight
                : EntryShortfallReason.JurorCapacityExhausted;
            entryShortfalls.Add(new EntryShortfall(e, problem.Demand[e], coverage[e], model.NonForbiddenJurors[e], reason));
        }
        var jurorShortfalls = new List<JurorShortfall>();
        for (var j = 0; j < problem.JurorCount; j++)
        {
            if (loads[j] >= problem.MinLoad[j]) continue;
            var reason = model.NonForbiddenEntries[j] < problem.MinLoad[j] ? JurorShortfallReason.TooFewEligibleEntries
                : JurorShortfallReason.EligibleEntriesAlreadyCovered;
            jurorShortfalls.Add(new JurorShortfall(j, problem.MinLoad[j], loads[j], model.NonForbiddenEntries[j], reason));
        }

        // Shifted so that the sink is at 0: reduced costs only see differences.
        var sink = potential[model.Sink];
        var statistics = new SolveStatistics(
            rounds, model.CandidateCount, model.EligiblePairs, network.NodeCount, network.ArcCount,
            potential[..problem.EntryCount].Select(p => p - sink).ToArray(),
            potential[problem.EntryCount..model.Sink].Select(p => p - sink).ToArray());
        return new AssignmentResult(
            pairs, objective, LoadBalance.Penalty(problem, loads), coverage, loads, entryShortfalls, jurorShortfalls, statistics);
    }
}
