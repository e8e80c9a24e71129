namespace PreventionPrize.Assignment;

/// <summary>
/// The load-balance cost: a juror's load up to the target (the mean load, rounded up) is free; the u-th entry above
/// it costs <c>weight · u</c>, so the marginal cost rises and the flow spreads work before it piles it on one juror.
/// The rise stops at <see cref="RisingUnits"/> (the cost stays convex, just linear beyond) to bound the number of arcs.
/// </summary>
public static class LoadBalance
{
    public const int RisingUnits = 64;

    /// <summary>The load above which a juror starts to cost: the mean demand per juror, kept within the juror's own limits.</summary>
    public static int Target(AssignmentProblem problem, int juror)
    {
        var total = problem.Demand.Sum(d => (long)d);
        var mean = problem.JurorCount == 0 ? 0 : (int)Math.Min(int.MaxValue, (total + problem.JurorCount - 1) / problem.JurorCount);
        return Math.Clamp(mean, problem.MinLoad[juror], problem.MaxLoad[juror]);
    }

    /// <summary>Marginal cost of a juror's <paramref name="load"/>-th entry.</summary>
    public static long Marginal(int weight, int target, int load) =>
        load <= target ? 0 : (long)weight * Math.Min(load - target, RisingUnits);

    public static long Penalty(int weight, int target, int load)
    {
        if (weight == 0 || load <= target) return 0;
        long above = load - target, rising = Math.Min(above, RisingUnits);
        return weight * (rising * (rising + 1) / 2 + (above - rising) * RisingUnits);
    }

    public static long Penalty(AssignmentProblem problem, IReadOnlyList<int> loads)
    {
        long sum = 0;
        for (var j = 0; j < problem.JurorCount; j++)
            sum += Penalty(problem.LoadBalancePenalty, Target(problem, j), loads[j]);
        return sum;
    }
}
