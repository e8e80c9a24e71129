using System.Diagnostics;
using PreventionPrize.Scoring;

namespace PreventionPrize.Cli;

/// <summary>
/// The statistics of a large round, as the results page computes them: weighted totals, aggregates, calibration,
/// agreement per criterion and overall, 1,000 bootstrap resamples over jurors, disagreement. Seeded simulated
/// scores: every entry has a true quality, every juror a leniency, each score adds noise, on a 1–5 scale.
/// </summary>
public static class ResultsBenchmark
{
    public static int Run(string[] options)
    {
        var entries = Option(options, "--entries", 2000);
        var jurors = Option(options, "--jurors", 300);
        var perEntry = Option(options, "--per-entry", 5);
        var criteria = Option(options, "--criteria", 5);
        var runs = Option(options, "--runs", 3);
        Console.WriteLine($"bench-results: {entries} entries × {perEntry} jurors each (of {jurors}) × {criteria} criteria, 1,000 resamples, {runs} runs, {Environment.ProcessorCount} cores");
        var round = Simulate(entries, jurors, perEntry, criteria, seed: 2026);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var totals = round.WeightedTotals();
            var aggregates = Aggregates.Compute(totals);
            var calibration = Calibration.Fit(totals);
            var agreement = Agreement.Of(round);
            var stability = Stability.Bootstrap(totals, topN: 3);
            var disagreement = Disagreement.Rank(totals);
            var ms = clock.Elapsed.TotalMilliseconds;
            times.Add(ms);
            Console.WriteLine($"run {run}: {ms:F0} ms — {aggregates.Count} entries ranked, calibration {calibration.Status}, α overall {agreement.Overall.Alpha.Value:F3}, " +
                $"ICC {agreement.Overall.Icc.Recommended.Value:F3} ({agreement.Overall.Icc.Design}), top-3 share of the leader {stability.Entries.Max(e => e.TopShare):P0}, {disagreement.Count} disputed");
        }
        Console.WriteLine($"median: {times.Order().ElementAt(times.Count / 2):F0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        return 0;
    }

    private static RoundScores Simulate(int entries, int jurors, int perEntry, int criteria, int seed)
    {
        var random = new Random(seed);
        var quality = Enumerable.Range(0, entries).Select(_ => random.NextDouble() * 3 + 1.5).ToArray();
        var leniency = Enumerable.Range(0, jurors).Select(_ => random.NextDouble() - 0.5).ToArray();
        var pairs = Enumerable.Range(0, entries)
            .SelectMany(e => Enumerable.Range(0, jurors).OrderBy(_ => random.Next()).Take(perEntry).Select(j => (e, j))).ToList();
        return new RoundScores(Enumerable.Range(0, criteria).Select(c => new Criterion($"C{c + 1}", 1 + c % 2,
            pairs.Select(p => new Score(p.e, p.j, Math.Clamp(Math.Round(quality[p.e] + leniency[p.j] + (random.NextDouble() - 0.5)), 1, 5))).ToList())).ToList());
    }

    private static int Option(string[] options, string name, int fallback) =>
        Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length && int.TryParse(options[i + 1], out var value) ? value : fallback;
}
