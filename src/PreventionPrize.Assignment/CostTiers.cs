namespace PreventionPrize.Assignment;

/// <summary>
/// Weights that make one min-cost flow solve a lexicographic objective (see docs/assignment.md). With D open slots:
/// any flow's affinity lies in a range of width D·spread and its balance cost in [0, D·maxMarginal], so
/// B = D·(spread + maxMarginal) + 1 exceeds any difference they can make. A min-load unit earns −R with R = B, so
/// filling one more min-load unit outweighs all affinity and balance. An unfilled slot costs U = B + R·F (F = most
/// min-load units the flow could fill), so covering one more slot outweighs everything below it.
/// </summary>
internal sealed class CostTiers
{
    private readonly FlowModel model;

    public CostTiers(FlowModel model)
    {
        this.model = model;
        var problem = model.Problem;
        long slots = model.RemainingDemand.Sum(d => (long)d);
        long high = 0, low = 0;
        foreach (var v in problem.AffinityValue) (high, low) = (Math.Max(high, v), Math.Min(low, v));
        long minLoadUnits = 0;
        for (var j = 0; j < problem.JurorCount; j++)
            minLoadUnits += Math.Min(model.RemainingMax[j], Math.Max(0, problem.MinLoad[j] - model.FixedLoad[j]));
        minLoadUnits = Math.Min(minLoadUnits, slots);
        checked
        {
            var maxMarginal = (long)problem.LoadBalancePenalty * LoadBalance.RisingUnits;
            var below = slots * (high - low + maxMarginal) + 1;
            MinLoadReward = minLoadUnits > 0 ? below : 0;
            Unserved = below + MinLoadReward * minLoadUnits;
            // OR-Tools scales costs by (nodes + 1) and refuses a range that could overflow 64 bits; fail clearly first.
            _ = Unserved * (model.NodeCount + 1) * 4;
        }
    }

    public long Unserved { get; }
    public long MinLoadReward { get; }

    /// <summary>
    /// Juror → sink arcs, one per run of equal marginal cost in the juror's total load ℓ (fixed pairs included):
    /// −R up to the min load, 0 up to the target, then weight·(ℓ − target) rising: convex, so the flow fills the
    /// cheap arcs first and the cost of a load is exactly the sum of its marginal costs.
    /// </summary>
    public void AddJurorArcs(FlowNetwork network, int juror)
    {
        var problem = model.Problem;
        int from = model.FixedLoad[juror], max = problem.MaxLoad[juror], min = problem.MinLoad[juror];
        int target = model.Target[juror], weight = problem.LoadBalancePenalty;
        var node = model.JurorNode(juror);
        var upToMin = Math.Min(min, max);
        if (upToMin > from) network.AddArc(node, model.Sink, upToMin - from, -MinLoadReward);
        from = Math.Max(from, upToMin);
        var upToTarget = weight == 0 ? max : Math.Min(target, max);
        if (upToTarget > from) network.AddArc(node, model.Sink, upToTarget - from, 0);
        from = Math.Max(from, upToTarget);
        while (from < max && from - target < LoadBalance.RisingUnits)
        {
            from++;
            network.AddArc(node, model.Sink, 1, LoadBalance.Marginal(weight, target, from));
        }
        if (max > from) network.AddArc(node, model.Sink, max - from, LoadBalance.Marginal(weight, target, max));
    }
}
