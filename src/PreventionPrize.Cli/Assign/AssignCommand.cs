using System.Diagnostics;
using System.Text.Json;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// <c>assign INSTANCE.json [--dimacs OUT.min] [--dense]</c>: the plain objective (exactly k jurors per entry, at most
/// maxLoad entries per juror, no conflicted pair, total affinity maximal), printed as JSON. Exit 0 when every entry
/// has k jurors, 1 when not (the JSON says why), 2 when the file cannot be read.
/// </summary>
public static class AssignCommand
{
    public static int Run(string path, string[] options, TextWriter output, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var dimacs = Array.IndexOf(options, "--dimacs");
        if (dimacs >= 0 && dimacs + 1 >= options.Length)
        {
            WriteJson(output, json => json.WriteString("error", "--dimacs needs a file name."));
            return 2;
        }
        AssignmentProblem problem;
        try
        {
            problem = PlainInstanceReader.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException)
        {
            WriteJson(output, json => json.WriteString("error", $"{path}: {e.Message}"));
            return 2;
        }
        var read = clock.Elapsed;
        var dense = options.Contains("--dense");
        AssignmentResult result;
        try
        {
            result = AssignmentSolver.Solve(problem, dense ? AssignmentSolverOptions.Dense : AssignmentSolverOptions.Default);
        }
        catch (OverflowException)
        {
            WriteJson(output, json => json.WriteString("error", $"{path}: affinities too large for 64-bit flow costs."));
            return 2;
        }
        var elapsed = clock.Elapsed;
        log.WriteLine($"read {read.TotalMilliseconds:F0} ms, solve {(elapsed - read).TotalMilliseconds:F0} ms, "
            + $"{result.Statistics.Rounds} round(s), {result.Statistics.CandidatePairs:N0} of {result.Statistics.EligiblePairs:N0} eligible pairs in the graph");

        var feasible = result.EntryShortfalls.Count == 0;
        WriteJson(output, json =>
        {
            if (!feasible) WriteShortfalls(json, problem, result);
            json.WriteNumber("objective", result.Objective);
            json.WriteStartArray("assignments");
            foreach (var (entry, juror) in result.Pairs)
            {
                json.WriteStartArray();
                json.WriteNumberValue(entry);
                json.WriteNumberValue(juror);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("elapsedMs", Math.Round(elapsed.TotalMilliseconds, 1));
        });

        if (dimacs >= 0)
        {
            using var writer = new StreamWriter(options[dimacs + 1]);
            AssignmentSolver.WriteDimacs(problem, writer);
        }
        return feasible ? 0 : 1;
    }

    private static void WriteShortfalls(Utf8JsonWriter json, AssignmentProblem problem, AssignmentResult result)
    {
        json.WriteBoolean("infeasible", true);
        json.WriteNumber("demandedSlots", problem.Demand.Sum(d => (long)d));
        json.WriteNumber("coveredSlots", result.Coverage.Sum(c => (long)c));
        json.WriteStartArray("shortfalls");
        foreach (var s in result.EntryShortfalls)
        {
            json.WriteStartObject();
            json.WriteNumber("entry", s.Entry);
            json.WriteString("reason", s.Reason.ToString());
            json.WriteNumber("demand", s.Demand);
            json.WriteNumber("assigned", s.Assigned);
            json.WriteNumber("eligibleJurors", s.EligibleJurors);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
