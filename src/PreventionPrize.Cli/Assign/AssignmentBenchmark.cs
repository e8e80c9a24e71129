using System.Diagnostics;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// <c>bench-assign [--runs R] [--dense] [--balance W]</c>: solves seeded generated instances of growing size in memory (the file is
/// not read: <c>assign</c> on a generated file times that) and prints, per instance, the median solve time, the
/// process's peak working set so far, the objective and how good and even the assignment is.
/// </summary>
public static class AssignmentBenchmark
{
    private static readonly (int Entries, int Jurors)[] Sizes = [(100, 7), (500, 40), (2_000, 300), (5_000, 300), (2_623, 1_373)];

    public static int Run(string[] options)
    {
        var runs = OptionValue(options, "--runs") ?? 3;
        var solverOptions = options.Contains("--dense") ? AssignmentSolverOptions.Dense : AssignmentSolverOptions.Default;
        var balance = OptionValue(options, "--balance") ?? 0;
        Console.WriteLine("| entries × jurors | pairs | maxLoad | runs (ms) | median ms | peak working set | objective | lowest / mean pair affinity | loads min–max | rounds | pairs in graph |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (entries, jurors) in Sizes)
        {
            var instance = GeneratedInstance.Generate(entries, jurors, seed: 1);
            var problem = instance.ToProblem().ToBuilder().WithLoadBalanceWeight(balance).Build();
            var times = new List<double>();
            AssignmentResult? result = null;
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                var clock = Stopwatch.StartNew();
                result = AssignmentSolver.Solve(problem, solverOptions);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var r = result!;
            var affinities = r.Pairs.Select(p => problem.AffinityOf(p.Entry, p.Juror)).ToArray();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            var feasible = r.EntryShortfalls.Count == 0 ? "" : $" ({r.EntryShortfalls.Count} entries short)";
            Console.WriteLine(
                $"| {entries:N0} × {jurors:N0} | {(long)entries * jurors:N0} | {instance.MaxLoad} | {string.Join(", ", times.Select(t => t.ToString("F0")))} "
                + $"| **{times.Order().ElementAt(times.Count / 2):F0}** | {peak:F0} MiB | {r.Objective:N0}{feasible} "
                + $"| {affinities.Min()} / {affinities.Average():F1} | {r.Loads.Min()}–{r.Loads.Max()} | {r.Statistics.Rounds} "
                + $"| {r.Statistics.CandidatePairs:N0} |");
        }
        return 0;
    }

    /// <summary><c>gen-assign-instance N M SEED OUT.json</c>.</summary>
    public static int Generate(int entries, int jurors, int seed, string path)
    {
        var instance = GeneratedInstance.Generate(entries, jurors, seed);
        using (var file = File.Create(path)) instance.Write(file);
        Console.WriteLine($"{path}: {entries:N0} × {jurors:N0} = {(long)entries * jurors:N0} pairs, {instance.Conflicts.Count:N0} conflicts, k = {instance.K}, maxLoad = {instance.MaxLoad}");
        return 0;
    }

    private static int? OptionValue(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length && int.TryParse(options[at + 1], out var value) ? value : null;
    }
}
