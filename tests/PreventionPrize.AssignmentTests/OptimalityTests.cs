using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

public sealed class OptimalityTests
{
    [Fact]
    public void Plain_objective_equals_exhaustive_search_on_hundreds_of_small_instances()
    {
        for (var seed = 1; seed <= 400; seed++)
        {
            var problem = RandomProblems.Plain(seed, maxEntries: 6, maxJurors: 5, maxK: 2);
            var best = Exhaustive.Best(problem);
            var result = AssignmentSolver.Solve(problem);
            Assert.True(best == Lexicographic.Of(problem, result), $"seed {seed}: exhaustive {best}, solver {Lexicographic.Of(problem, result)}");
            Assert.Equal(best.Value, result.Objective);
            var demanded = problem.Demand.Sum();
            Assert.True((best.Coverage == demanded) == (result.EntryShortfalls.Count == 0), $"seed {seed}: feasibility disagrees");
        }
    }

    [Fact]
    public void Lexicographic_objective_equals_exhaustive_search_with_min_loads_groups_fixed_pairs_and_balance()
    {
        for (var seed = 1; seed <= 400; seed++)
        {
            var problem = RandomProblems.Rich(seed, maxEntries: 6, maxJurors: 5, maxK: 2);
            var best = Exhaustive.Best(problem);
            var solved = Lexicographic.Of(problem, AssignmentSolver.Solve(problem));
            Assert.True(best == solved, $"seed {seed}: exhaustive {best}, solver {solved}");
        }
    }

    [Fact]
    public void Sparse_solve_with_its_optimality_proof_equals_the_dense_solve_on_medium_instances()
    {
        var provedAfterMoreRounds = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var problem = seed % 2 == 0
                ? RandomProblems.Rich(seed, maxEntries: 60, maxJurors: 25, maxK: 4)
                : RandomProblems.Plain(seed, maxEntries: 60, maxJurors: 25, maxK: 4);
            var dense = AssignmentSolver.Solve(problem, AssignmentSolverOptions.Dense);
            // One candidate per slot is rarely enough: the proof has to find the missing pairs.
            var sparse = AssignmentSolver.Solve(problem, new AssignmentSolverOptions(CandidatesPerSlot: 1));
            Assert.True(Lexicographic.Of(problem, dense) == Lexicographic.Of(problem, sparse), $"seed {seed}");
            Assert.Equal(dense.Coverage.Sum(), sparse.Coverage.Sum());
            if (sparse.Statistics.Rounds > 1) provedAfterMoreRounds++;
        }
        Assert.True(provedAfterMoreRounds >= 10, $"only {provedAfterMoreRounds} instances needed a second round");
    }

    [Fact]
    public void The_reported_potentials_certify_the_optimum_on_every_pair_including_those_left_out_of_the_graph()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var problem = RandomProblems.Plain(seed, maxEntries: 60, maxJurors: 25, maxK: 4);
            var result = AssignmentSolver.Solve(problem, new AssignmentSolverOptions(CandidatesPerSlot: 1));
            var (entry, juror) = (result.Statistics.EntryPotentials, result.Statistics.JurorPotentials);
            var assigned = result.Pairs.ToHashSet();
            for (var e = 0; e < problem.EntryCount; e++)
                for (var j = 0; j < problem.JurorCount; j++)
                {
                    if (problem.IsForbidden(e, j) || problem.Demand[e] == 0 || problem.MaxLoad[j] == 0) continue;
                    var reduced = -problem.AffinityOf(e, j) + entry[e] - juror[j];
                    // An unused arc may not be worth using; a used one may not be worth giving back.
                    Assert.True(assigned.Contains(new Pair(e, j)) ? reduced <= 0 : reduced >= 0, $"seed {seed}, pair ({e}, {j}): {reduced}");
                }
        }
    }
}
