using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

public sealed class RepairTests
{
    [Fact]
    public void Repair_keeps_every_unaffected_pair()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var problem = RandomProblems.Plain(seed, maxEntries: 30, maxJurors: 12, maxK: 3);
            var before = AssignmentSolver.Solve(problem).Pairs;
            var random = new Random(seed);
            var mustGo = before.Where(_ => random.NextDouble() < 0.15).ToArray();

            var repair = AssignmentRepair.Build(problem, before, mustGo);
            var after = AssignmentSolver.Solve(repair);

            Assert.All(before.Except(mustGo), p => Assert.Contains(p, after.Pairs));
            Assert.All(mustGo, p => Assert.DoesNotContain(p, after.Pairs));
            // Only open slots were filled: nothing beyond what was kept plus what left.
            Assert.True(after.Pairs.Count <= before.Count, $"seed {seed}");
            ConstraintTests.Check(repair, after, $"seed {seed}");
        }
    }

    [Fact]
    public void Repair_fills_a_recused_slot_with_the_best_juror_still_free()
    {
        var problem = AssignmentProblem.Create(1, 3, 1)
            .AddAffinity(0, 0, 9).AddAffinity(0, 1, 5).AddAffinity(0, 2, 1).Build();
        var before = AssignmentSolver.Solve(problem).Pairs;
        Assert.Equal([new Pair(0, 0)], before);

        var after = AssignmentSolver.Solve(AssignmentRepair.Build(problem, before, [new Pair(0, 0)]));

        Assert.Equal([new Pair(0, 1)], after.Pairs);
    }

    [Fact]
    public void Repair_drops_existing_pairs_the_problem_now_forbids()
    {
        var original = AssignmentProblem.Create(1, 2, 1).AddAffinity(0, 0, 9).Build();
        var before = AssignmentSolver.Solve(original).Pairs;
        var withConflict = original.ToBuilder().Forbid(0, 0).Build();

        var after = AssignmentSolver.Solve(AssignmentRepair.Build(withConflict, before, []));

        Assert.Equal([new Pair(0, 1)], after.Pairs);
    }

    [Fact]
    public void Locked_pairs_survive_even_when_a_better_assignment_exists()
    {
        var problem = AssignmentProblem.Create(2, 2, 1).WithLoads(0, 1)
            .AddAffinity(0, 0, 50).AddAffinity(1, 1, 50).Fix(0, 1).Build();

        var result = AssignmentSolver.Solve(problem);

        Assert.Equal([new Pair(0, 1), new Pair(1, 0)], result.Pairs);
        Assert.Equal(0, result.Objective);
    }
}
