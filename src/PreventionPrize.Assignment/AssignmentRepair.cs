namespace PreventionPrize.Assignment;

public static class AssignmentRepair
{
    /// <summary>
    /// The problem that repairs <paramref name="existing"/> after <paramref name="mustGo"/> leave (recusals, new
    /// conflicts): every other existing pair becomes fixed, the leaving pairs become forbidden so they do not come
    /// straight back, and existing pairs the problem now forbids leave too. Solving it fills only the open slots.
    /// </summary>
    public static AssignmentProblem Build(AssignmentProblem problem, IEnumerable<Pair> existing, IEnumerable<Pair> mustGo)
    {
        var leaving = mustGo.ToHashSet();
        var builder = problem.ToBuilder().WithoutFixedPairs();
        foreach (var pair in leaving) builder.Forbid(pair.Entry, pair.Juror);
        foreach (var pair in existing.Distinct())
            if (!leaving.Contains(pair) && !problem.IsForbidden(pair.Entry, pair.Juror))
                builder.Fix(pair.Entry, pair.Juror);
        return builder.Build();
    }
}
