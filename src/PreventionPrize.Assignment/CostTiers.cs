namespace PreventionPrize.Assignment;

/// <summary>
/// Weights that make one min-cost flow solve a lexicographic objective (see docs/assignment.md). With D open slots:
/// any flow's affinity lies in a range of width D·spread and its balance cost in one of width D·2·Slope·weight, so
/// B = D·(spread + 2·Slope·weight) + 1 exceeds any difference they can make. A min-load unit earns −R with R = B, so
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
            var balanceWidth = 2L * LoadBalance.Slope * problem.LoadBalanceWeight;
            var below = slots * (high - low + balanceWidth) + 1;
            MinLoadReward = minLoadUnits > 0 ? below : 0;
            Unserved = below + MinLoadReward * minLoadUnits;
            // OR-Tools scales costs by (nodes + 1) and refuses a range that could overflow 64 bits; fail clearly first.
            _ = Unserved * (model.NodeCount + 1) * 4;
        }
    }

    public long Unserved { get; }
    public long MinLoadReward { get; }

    /// <summary>
    /// Juror → sink arcs, one per run of equal cost of the juror's ℓ-th entry (ℓ counts fixed pairs too): −R while
    /// ℓ ≤ min load, plus the balance marginal. Both rise with ℓ, so the costs are convex: the flow fills the cheap
    /// arcs first and a load costs exactly the sum of its units' costs.
    /// </summary>
    public void AddJurorArcs(FlowNetwork network, int juror)
    {
        var problem = model.Problem;
        int min = problem.MinLoad[juror], target = model.Target[juror], weight = problem.LoadBalanceWeight;
        long Cost(int load) => (load <= min ? -MinLoadReward : 0) + LoadBalance.Marginal(weight, target, load);
        var node = model.JurorNode(juror);
        var max = problem.MaxLoad[juror];
        for (var from = model.FixedLoad[juror] + 1; from <= max;)
        {
            var cost = Cost(from);
            var to = from;
            while (to < max && Cost(to + 1) == cost) to++;
            network.AddArc(node, model.Sink, to - from + 1, cost);
            from = to + 1;
        }
    }
}
