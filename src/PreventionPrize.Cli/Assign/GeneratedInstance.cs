using System.Text.Json;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// A seeded instance shaped like a conference's similarity scores: every pair has an affinity 0..100, high where the
/// entry's topic is the juror's field. Entry topics follow a Zipf-like popularity while jurors' fields are spread
/// evenly, so the popular topics' experts are wanted by more entries than they can read and the loads bind.
/// 2 % of pairs are conflicts; maxLoad = ceil(k·N/M) + 1.
/// </summary>
public sealed class GeneratedInstance
{
    private const int Topics = 24;

    private GeneratedInstance(int entries, int jurors, int k)
    {
        (Entries, Jurors, K) = (entries, jurors, k);
        MaxLoad = (int)((long)k * entries / jurors + ((long)k * entries % jurors == 0 ? 0 : 1)) + 1;
        Affinity = new int[entries * jurors];
    }

    public int Entries { get; }
    public int Jurors { get; }
    public int K { get; }
    public int MaxLoad { get; }
    public int[] Affinity { get; }
    public List<Pair> Conflicts { get; } = [];

    public static GeneratedInstance Generate(int entries, int jurors, int seed, int k = 3)
    {
        var random = new Random(seed);
        var instance = new GeneratedInstance(entries, jurors, k);
        var popularity = Enumerable.Range(0, Topics).Select(t => 1.0 / (t + 1)).ToArray();
        var total = popularity.Sum();
        int PopularTopic()
        {
            var x = random.NextDouble() * total;
            for (var t = 0; t < Topics; t++) if ((x -= popularity[t]) < 0) return t;
            return Topics - 1;
        }
        var entryTopics = Enumerable.Range(0, entries).Select(_ => (Main: PopularTopic(), Second: PopularTopic())).ToArray();
        var jurorFields = Enumerable.Range(0, jurors).Select(_ => (Main: random.Next(Topics), Second: random.Next(Topics))).ToArray();
        for (var e = 0; e < entries; e++)
            for (var j = 0; j < jurors; j++)
            {
                var (topic, field) = (entryTopics[e], jurorFields[j]);
                var score = (topic.Main == field.Main ? 55 : 0)
                    + (topic.Main == field.Second || topic.Second == field.Main ? 25 : 0) + random.Next(0, 21);
                instance.Affinity[e * jurors + j] = Math.Min(100, score);
                if (random.NextDouble() < 0.02) instance.Conflicts.Add(new Pair(e, j));
            }
        return instance;
    }

    public AssignmentProblem ToProblem()
    {
        var builder = AssignmentProblem.Create(Entries, Jurors, K).WithLoads(0, MaxLoad).WithAffinityCapacity(Affinity.Length);
        for (var e = 0; e < Entries; e++)
            for (var j = 0; j < Jurors; j++)
                builder.AddAffinity(e, j, Affinity[e * Jurors + j]);
        foreach (var (e, j) in Conflicts) builder.Forbid(e, j);
        return builder.Build();
    }

    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("entries", Entries);
        json.WriteNumber("jurors", Jurors);
        json.WriteNumber("k", K);
        json.WriteNumber("maxLoad", MaxLoad);
        json.WriteStartArray("affinity");
        for (var e = 0; e < Entries; e++)
            for (var j = 0; j < Jurors; j++)
                WriteTuple(json, e, j, Affinity[e * Jurors + j]);
        json.WriteEndArray();
        json.WriteStartArray("conflicts");
        foreach (var (e, j) in Conflicts) WriteTuple(json, e, j);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTuple(Utf8JsonWriter json, params ReadOnlySpan<int> values)
    {
        json.WriteStartArray();
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
