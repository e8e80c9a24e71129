using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

public sealed class ConstraintTests
{
    public static TheoryData<int, int> Sizes => new() { { 6, 5 }, { 25, 10 }, { 80, 30 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_solution_keeps_the_hard_constraints_and_reports_every_unmet_soft_one(int maxEntries, int maxJurors)
    {
        for (var seed = 1; seed <= 150; seed++)
        {
            var problem = RandomProblems.Rich(seed, maxEntries, maxJurors, maxK: 3);
            var result = AssignmentSolver.Solve(problem);
            Check(problem, result, $"seed {seed}");
        }
    }

    internal static void Check(AssignmentProblem problem, AssignmentResult result, string because)
    {
        Assert.True(result.Pairs.Distinct().Count() == result.Pairs.Count, $"{because}: a pair twice");
        Assert.DoesNotContain(result.Pairs, p => problem.IsForbidden(p.Entry, p.Juror));
        Assert.All(problem.FixedPairs, p => Assert.Contains(p, result.Pairs));
        Assert.Equal(result.Pairs.Sum(p => (long)problem.AffinityOf(p.Entry, p.Juror)), result.Objective);

        var fixedPerEntry = problem.FixedPairs.GroupBy(p => p.Entry).ToDictionary(g => g.Key, g => g.Count());
        var fixedPerJuror = problem.FixedPairs.GroupBy(p => p.Juror).ToDictionary(g => g.Key, g => g.Count());
        for (var e = 0; e < problem.EntryCount; e++)
        {
            var coverage = result.Pairs.Count(p => p.Entry == e);
            Assert.Equal(coverage, result.Coverage[e]);
            // Never more than asked for, unless the Secretariat locked more.
            Assert.True(coverage <= Math.Max(problem.Demand[e], fixedPerEntry.GetValueOrDefault(e)), $"{because}: entry {e} over-covered");
            var shortfall = result.EntryShortfalls.SingleOrDefault(s => s.Entry == e);
            Assert.True((coverage < problem.Demand[e]) == (shortfall is not null), $"{because}: entry {e} shortfall not reported");
        }
        for (var j = 0; j < problem.JurorCount; j++)
        {
            var load = result.Pairs.Count(p => p.Juror == j);
            Assert.Equal(load, result.Loads[j]);
            Assert.True(load <= Math.Max(problem.MaxLoad[j], fixedPerJuror.GetValueOrDefault(j)), $"{because}: juror {j} over max load");
            var shortfall = result.JurorShortfalls.SingleOrDefault(s => s.Juror == j);
            Assert.True((load < problem.MinLoad[j]) == (shortfall is not null), $"{because}: juror {j} min-load shortfall not reported");
        }
        if (problem.JurorGroup is not { } groups) return;
        foreach (var cell in result.Pairs.GroupBy(p => (p.Entry, Group: groups[p.Juror])))
        {
            var locked = problem.FixedPairs.Count(p => p.Entry == cell.Key.Entry && groups[p.Juror] == cell.Key.Group);
            Assert.True(cell.Count() <= Math.Max(problem.GroupCap, locked), $"{because}: group cap broken at {cell.Key}");
        }
    }
}
