namespace PreventionPrize.Assignment;

/// <summary>
/// The load-balance cost, convex in a juror's load ℓ: the ℓ-th entry costs <c>weight · (ℓ − target)</c>, clamped to
/// ±<see cref="Slope"/>·weight, where the target is the mean load rounded up. Entries below the target earn a little
/// and entries above it cost more and more, so between two jurors who suit an entry equally the flow gives it to
/// the less loaded one. The clamp keeps the number of arcs per juror bounded (the cost stays convex, linear beyond).
/// </summary>
public static class LoadBalance
{
    public const int Slope = 64;

    /// <summary>The load at which each juror's cost is lowest: the mean demand per juror, within the juror's own limits.</summary>
    public static int[] Targets(AssignmentProblem problem)
    {
        var total = problem.Demand.Sum(d => (long)d);
        var mean = problem.JurorCount == 0 ? 0 : (int)Math.Min(int.MaxValue, (total + problem.JurorCount - 1) / problem.JurorCount);
        return Enumerable.Range(0, problem.JurorCount).Select(j => Math.Clamp(mean, problem.MinLoad[j], problem.MaxLoad[j])).ToArray();
    }

    /// <summary>Cost of a juror's <paramref name="load"/>-th entry.</summary>
    public static long Marginal(int weight, int target, int load) => (long)weight * Math.Clamp(load - target, -Slope, Slope);

    /// <summary>The cost of a load, counted from its lowest value (at the target), so never negative.</summary>
    public static long Penalty(int weight, int target, int load)
    {
        if (weight == 0) return 0;
        long sum = 0;
        for (var l = Math.Min(load, target) + 1; l <= Math.Max(load, target); l++)
            sum += load > target ? Marginal(weight, target, l) : -Marginal(weight, target, l);
        return sum;
    }

    public static long Penalty(AssignmentProblem problem, IReadOnlyList<int> loads)
    {
        if (problem.LoadBalanceWeight == 0) return 0;
        var targets = Targets(problem);
        long sum = 0;
        for (var j = 0; j < problem.JurorCount; j++)
            sum += Penalty(problem.LoadBalanceWeight, targets[j], loads[j]);
        return sum;
    }
}
