using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

/// <summary>Seeded random problems: every failure names its seed, so it can be replayed alone.</summary>
internal static class RandomProblems
{
    /// <summary>Only what the plain objective has: k per entry, a max load, conflicts, affinities.</summary>
    public static AssignmentProblem Plain(int seed, int maxEntries, int maxJurors, int maxK)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxEntries + 1), m = random.Next(1, maxJurors + 1);
        var builder = AssignmentProblem.Create(n, m, random.Next(0, maxK + 1)).WithLoads(0, random.Next(0, n + 1));
        AddPairs(random, builder, n, m);
        return builder.Build();
    }

    /// <summary>Everything: per-entry demands, min and max loads, groups with a cap, fixed pairs, balance weight.</summary>
    public static AssignmentProblem Rich(int seed, int maxEntries, int maxJurors, int maxK)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxEntries + 1), m = random.Next(1, maxJurors + 1);
        var builder = AssignmentProblem.Create(n, m, 0);
        for (var e = 0; e < n; e++) builder.WithDemand(e, random.Next(0, maxK + 1));
        for (var j = 0; j < m; j++)
        {
            var max = random.Next(0, Math.Min(n, 3) + 1);
            builder.WithLoad(j, random.Next(0, max + 1), max);
        }
        if (random.Next(2) == 0)
            builder.WithGroups(Enumerable.Range(0, m).Select(_ => random.Next(0, 3)).ToArray(), random.Next(0, 3));
        builder.WithLoadBalanceWeight(random.Next(0, 4));
        var forbidden = AddPairs(random, builder, n, m);
        for (var e = 0; e < n; e++)
            for (var j = 0; j < m; j++)
                if (!forbidden.Contains(new Pair(e, j)) && random.NextDouble() < 0.08) builder.Fix(e, j);
        return builder.Build();
    }

    private static HashSet<Pair> AddPairs(Random random, AssignmentProblemBuilder builder, int n, int m)
    {
        var forbidden = new HashSet<Pair>();
        for (var e = 0; e < n; e++)
            for (var j = 0; j < m; j++)
            {
                if (random.NextDouble() < 0.8) builder.AddAffinity(e, j, random.Next(-5, 30));
                if (random.NextDouble() < 0.15 && forbidden.Add(new Pair(e, j))) builder.Forbid(e, j);
            }
        return forbidden;
    }
}
