using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

public sealed class InfeasibilityTests
{
    [Fact]
    public void An_entry_with_fewer_eligible_jurors_than_k_is_reported_as_too_few_eligible_jurors()
    {
        var problem = AssignmentProblem.Create(2, 3, 2).Forbid(0, 0).Forbid(0, 1).Build();

        var result = AssignmentSolver.Solve(problem);

        var shortfall = Assert.Single(result.EntryShortfalls);
        Assert.Equal(new EntryShortfall(0, Demand: 2, Assigned: 1, EligibleJurors: 1, EntryShortfallReason.TooFewEligibleJurors), shortfall);
        Assert.Equal(2, result.Coverage[1]);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Total_capacity_below_demand_is_reported_as_juror_capacity_exhausted_and_still_covers_what_it_can()
    {
        // 3 entries × 2 readers = 6 slots, 2 jurors × 2 = 4 places.
        var problem = AssignmentProblem.Create(3, 2, 2).WithLoads(0, 2).Build();

        var result = AssignmentSolver.Solve(problem);

        Assert.Equal(4, result.Coverage.Sum());
        Assert.All(result.EntryShortfalls, s => Assert.Equal(EntryShortfallReason.JurorCapacityExhausted, s.Reason));
        Assert.Equal(2, result.EntryShortfalls.Sum(s => s.Demand - s.Assigned));
    }

    [Fact]
    public void A_group_cap_that_leaves_too_few_jurors_is_reported_as_group_cap_too_tight()
    {
        // Three jurors, all from one country, at most one of them per entry.
        var problem = AssignmentProblem.Create(1, 3, 2).WithGroups([0, 0, 0], cap: 1).Build();

        var result = AssignmentSolver.Solve(problem);

        Assert.Equal(1, result.Coverage[0]);
        Assert.Equal(EntryShortfallReason.GroupCapTooTight, Assert.Single(result.EntryShortfalls).Reason);
    }

    [Fact]
    public void A_juror_below_the_min_load_is_reported_with_the_reason()
    {
        // Juror 1 may only read entry 0, and must read two.
        var problem = AssignmentProblem.Create(2, 2, 1).WithLoad(1, 2, 2).Forbid(1, 1).Build();

        var result = AssignmentSolver.Solve(problem);

        var shortfall = Assert.Single(result.JurorShortfalls);
        Assert.Equal(new JurorShortfall(1, MinLoad: 2, Load: 1, EligibleEntries: 1, JurorShortfallReason.TooFewEligibleEntries), shortfall);
        Assert.Contains(new Pair(0, 1), result.Pairs);
    }

    [Fact]
    public void Min_loads_come_before_affinity()
    {
        // Juror 0 suits both entries far better, but juror 1 must read at least one.
        var problem = AssignmentProblem.Create(2, 2, 1).WithLoad(1, 1, 2)
            .AddAffinity(0, 0, 100).AddAffinity(1, 0, 100).Build();

        var result = AssignmentSolver.Solve(problem);

        Assert.Equal(1, result.Loads[1]);
        Assert.Equal(100, result.Objective);
    }

    [Theory]
    [InlineData(0, 0, 3)]
    [InlineData(0, 4, 3)]
    [InlineData(3, 0, 3)]
    [InlineData(2, 2, 3)]
    public void Degenerate_sizes_are_solved_and_every_missing_reader_reported(int entries, int jurors, int k)
    {
        var problem = AssignmentProblem.Create(entries, jurors, k).Build();

        var result = AssignmentSolver.Solve(problem);

        Assert.Equal(Math.Min(k, jurors) * entries, result.Pairs.Count);
        Assert.Equal(entries, result.EntryShortfalls.Count(s => s.Reason == EntryShortfallReason.TooFewEligibleJurors));
    }

    [Fact]
    public void A_pair_both_fixed_and_forbidden_is_refused_when_the_problem_is_built()
    {
        var builder = AssignmentProblem.Create(1, 1, 1).Fix(0, 0).Forbid(0, 0);

        Assert.Throws<ArgumentException>(builder.Build);
    }
}
