namespace PreventionPrize.Assignment;

/// <param name="CandidatesPerSlot">
/// The first sparse graph keeps each entry's best <c>CandidatesPerSlot × open slots</c> eligible jurors; 0 builds the
/// dense graph of every eligible pair. Either way the result is optimal for the whole problem.
/// </param>
public sealed record AssignmentSolverOptions(int CandidatesPerSlot = 5)
{
    public static AssignmentSolverOptions Default { get; } = new();
    public static AssignmentSolverOptions Dense { get; } = new(0);
}

public static class AssignmentSolver
{
    /// <summary>
    /// Solves the problem; never throws for an infeasible one: what could not be met is in the result's shortfalls.
    /// </summary>
    public static AssignmentResult Solve(AssignmentProblem problem, AssignmentSolverOptions? options = null)
    {
        options ??= AssignmentSolverOptions.Default;
        var model = new FlowModel(problem, options.CandidatesPerSlot);
        // How many of an entry's violating pairs join the graph per round: as many as it started with.
        var perEntry = Math.Max(1, options.CandidatesPerSlot * problem.Demand.DefaultIfEmpty(1).Max());
        for (var round = 1; ; round++)
        {
            var network = model.BuildNetwork();
            var flow = network.Solve();
            var potential = Potentials.Compute(network, flow);
            // Each round adds at least one pair, so the loop ends (at worst with the dense graph).
            if (model.IsDense || ViolatorSearch.AddViolators(model, potential, perEntry) == 0)
                return ResultBuilder.Build(model, network, flow, potential, round);
        }
    }

    /// <summary>Writes the dense network of every eligible pair in DIMACS min-cost-flow format.</summary>
    public static void WriteDimacs(AssignmentProblem problem, TextWriter writer)
    {
        var model = new FlowModel(problem, 0);
        DimacsWriter.Write(model, model.BuildNetwork(), writer);
    }
}
