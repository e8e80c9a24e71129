using System.Text.Json;
using Google.OrTools.Graph;
using PreventionPrize.Assignment;
using PreventionPrize.Cli.Assign;

namespace PreventionPrize.AssignmentTests;

public sealed class CliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("assign-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Assign_prints_the_objective_the_assignments_and_the_elapsed_time()
    {
        // Entry 0 prefers juror 1, entry 1 prefers juror 1 too, but juror 1 may read only one; juror 0 conflicts with entry 0.
        var path = Write("""{"entries": 2, "jurors": 3, "k": 1, "maxLoad": 1, "affinity": [[0, 1, 10], [1, 1, 8], [1, 2, 5], [0, 0, 99]], "conflicts": [[0, 0]]}""");

        var (exit, json) = Assign(path);

        Assert.Equal(0, exit);
        Assert.Equal(15, json.GetProperty("objective").GetInt64());
        var pairs = json.GetProperty("assignments").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
        Assert.Equal([(0, 1), (1, 2)], pairs);
        Assert.True(json.GetProperty("elapsedMs").GetDouble() >= 0);
        Assert.False(json.TryGetProperty("infeasible", out _));
    }

    [Fact]
    public void The_reader_takes_keys_in_any_order_and_counts_pairs_without_an_affinity_as_zero()
    {
        var problem = PlainInstanceReader.Read("""{"conflicts": [], "affinity": [[1, 0, 7]], "maxLoad": 2, "k": 1, "jurors": 2, "entries": 3}"""u8);

        Assert.Equal((3, 2, 1, 2), (problem.EntryCount, problem.JurorCount, problem.Demand[0], problem.MaxLoad[1]));
        Assert.Equal(7, problem.AffinityOf(1, 0));
        Assert.Equal(0, problem.AffinityOf(0, 0));
    }

    [Fact]
    public void Reading_a_file_in_two_halves_at_once_gives_the_same_problem_as_reading_it_whole()
    {
        using var file = new MemoryStream();
        var instance = GeneratedInstance.Generate(90, 40, seed: 3);
        instance.Write(file);
        var json = file.ToArray();

        var whole = PlainInstanceReader.Read((ReadOnlySpan<byte>)json);
        var halves = PlainInstanceReader.ReadInTwo(json);

        Assert.Equal(90 * 40, halves.AffinityCount);
        Assert.Equal(whole.Affinities(), halves.Affinities());
        Assert.Equal(whole.ForbiddenPairs(), halves.ForbiddenPairs());
        Assert.Equal(instance.Conflicts.Count, halves.ForbiddenPairs().Count());
        Assert.Equal((90, 40, 3, instance.MaxLoad), (halves.EntryCount, halves.JurorCount, halves.Demand[0], halves.MaxLoad[0]));
    }

    [Fact]
    public void Assign_explains_an_infeasible_instance_in_json_and_exits_with_1()
    {
        var path = Write("""{"entries": 2, "jurors": 2, "k": 2, "maxLoad": 2, "affinity": [], "conflicts": [[1, 0]]}""");

        var (exit, json) = Assign(path);

        Assert.Equal(1, exit);
        Assert.True(json.GetProperty("infeasible").GetBoolean());
        var shortfall = Assert.Single(json.GetProperty("shortfalls").EnumerateArray());
        Assert.Equal(1, shortfall.GetProperty("entry").GetInt32());
        Assert.Equal("TooFewEligibleJurors", shortfall.GetProperty("reason").GetString());
        Assert.Equal(1, shortfall.GetProperty("eligibleJurors").GetInt32());
    }

    [Fact]
    public void Assign_reports_a_malformed_file_as_json_and_exits_with_2()
    {
        var path = Write("""{"entries": 2, "jurors": 2, "affinity": [[0, 1]]""");

        var (exit, json) = Assign(path);

        Assert.Equal(2, exit);
        Assert.Contains(path, json.GetProperty("error").GetString());
    }

    [Fact]
    public void Assign_refuses_a_dimacs_option_without_a_file_name()
    {
        var path = Write("""{"entries": 1, "jurors": 1, "k": 1, "maxLoad": 1, "affinity": [], "conflicts": []}""");

        var (exit, json) = Assign(path, "--dimacs");

        Assert.Equal(2, exit);
        Assert.Contains("--dimacs", json.GetProperty("error").GetString());
    }

    [Fact]
    public void The_dimacs_file_is_well_formed_and_its_optimum_is_minus_the_reported_objective()
    {
        var path = Path.Combine(folder, "instance.json");
        using (var file = File.Create(path)) GeneratedInstance.Generate(60, 20, seed: 7).Write(file);
        var dimacs = Path.Combine(folder, "network.min");

        var (exit, json) = Assign(path, "--dimacs", dimacs);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(dimacs).Where(l => !l.StartsWith('c')).Select(l => l.Split(' ')).ToArray();
        var header = Assert.Single(lines, l => l[0] == "p");
        Assert.Equal("min", header[1]);
        int nodes = int.Parse(header[2]), arcs = int.Parse(header[3]);
        var supplies = lines.Where(l => l[0] == "n").ToArray();
        var arcLines = lines.Where(l => l[0] == "a").ToArray();
        Assert.Equal(lines.Length, 1 + supplies.Length + arcLines.Length);
        Assert.Equal(arcs, arcLines.Length);
        Assert.All(arcLines, a => Assert.True(a.Length == 6 && a[1..3].All(v => int.Parse(v) is var node && node >= 1 && node <= nodes) && a[3] == "0"));
        Assert.Equal(0, supplies.Sum(s => long.Parse(s[2])));
        // 60 × 20 pairs less conflicts, plus arcs for unserved slots and juror loads.
        Assert.True(arcs >= 60 * 20 * 0.9, $"{arcs} arcs");

        using var solver = new MinCostFlow();
        foreach (var a in arcLines) solver.AddArcWithCapacityAndUnitCost(int.Parse(a[1]) - 1, int.Parse(a[2]) - 1, long.Parse(a[4]), long.Parse(a[5]));
        foreach (var s in supplies) solver.SetNodeSupply(int.Parse(s[1]) - 1, long.Parse(s[2]));
        Assert.Equal(MinCostFlowBase.Status.OPTIMAL, solver.Solve());
        Assert.Equal(-json.GetProperty("objective").GetInt64(), solver.OptimalCost());
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Exit, JsonElement Json) Assign(string path, params string[] options)
    {
        var output = new StringWriter();
        var exit = AssignCommand.Run(path, options, output, TextWriter.Null);
        return (exit, JsonDocument.Parse(output.ToString()).RootElement.Clone());
    }
}
