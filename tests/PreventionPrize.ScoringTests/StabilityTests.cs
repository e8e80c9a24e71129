using System.Diagnostics;
using PreventionPrize.Scoring;
using Xunit.Abstractions;

namespace PreventionPrize.ScoringTests;

public sealed class StabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void An_entry_far_ahead_is_first_in_every_resample()
    {
        var scores = Enumerable.Range(1, 5)
            .SelectMany(j => new[] { new Score(1, j, 9.5), new Score(2, j, 5 + j * 0.3), new Score(3, j, 6 - j * 0.2) })
            .ToList();
        var result = Stability.Bootstrap(scores, topN: 1);
        var leader = result.Entries.Single(e => e.Entry == 1);
        Assert.Equal(1.0, leader.TopShare);
        Assert.Equal((1, 1, 1), (leader.ObservedRank, leader.RankLow, leader.RankHigh));
        Assert.Equal(1000, result.Resamples);
    }

    [Fact]
    public void Two_equally_good_entries_split_the_first_place_about_evenly()
    {
        // Jurors 1–3 prefer entry 1 by a point, jurors 4–6 prefer entry 2; entry 3 trails far behind.
        var scores = Enumerable.Range(1, 6)
            .SelectMany(j => new[] { new Score(1, j, j <= 3 ? 9 : 8), new Score(2, j, j <= 3 ? 8 : 9), new Score(3, j, 3) })
            .ToList();
        var result = Stability.Bootstrap(scores, topN: 1);
        var shares = result.Entries.ToDictionary(e => e.Entry, e => e.TopShare);
        Assert.InRange(shares[1], 0.4, 0.6);
        Assert.InRange(shares[2], 0.4, 0.6);
        Assert.Equal(1.0, shares[1] + shares[2], 9);
        Assert.Equal(0, shares[3]);
        Assert.Equal((1, 2), (result.Entries.Single(e => e.Entry == 1).RankLow, result.Entries.Single(e => e.Entry == 1).RankHigh));
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_may_not()
    {
        var scores = RandomRound(entries: 30, jurors: 5, seed: 3);
        var first = Stability.Bootstrap(scores, topN: 5, seed: 42);
        var again = Stability.Bootstrap(scores, topN: 5, seed: 42);
        var other = Stability.Bootstrap(scores, topN: 5, seed: 43);
        Assert.Equal(first.Entries, again.Entries);
        Assert.NotEqual(first.Entries, other.Entries);
    }

    [Fact]
    public void An_entry_that_no_drawn_juror_scored_ranks_last_in_that_resample()
    {
        // Only juror 3 scored entry 3 (very highly); about (2/3)³ ≈ 30% of resamples draw no juror 3.
        var scores = new List<Score> { new(1, 1, 6), new(1, 2, 6), new(2, 1, 5), new(2, 2, 5), new(3, 3, 10) };
        var entry3 = Stability.Bootstrap(scores, topN: 1).Entries.Single(e => e.Entry == 3);
        Assert.Equal(1, entry3.RankLow);
        Assert.Equal(3, entry3.RankHigh);
        Assert.InRange(entry3.TopShare, 0.6, 0.8);
    }

    [Fact]
    public void A_thousand_resamples_of_a_hundred_entries_and_seven_jurors_run_quickly()
    {
        var scores = RandomRound(entries: 100, jurors: 7, seed: 1);
        Stability.Bootstrap(scores, topN: 10, resamples: 10);
        var clock = Stopwatch.StartNew();
        var result = Stability.Bootstrap(scores, topN: 10);
        clock.Stop();
        output.WriteLine($"1000 resamples, 100 entries × 7 jurors: {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(10.0, result.Entries.Sum(e => e.TopShare), 6);
    }

    private static List<Score> RandomRound(int entries, int jurors, int seed)
    {
        var random = new Random(seed);
        var quality = Enumerable.Range(0, entries).Select(_ => random.NextDouble() * 10).ToArray();
        return Enumerable.Range(1, entries)
            .SelectMany(e => Enumerable.Range(1, jurors).Select(j => new Score(e, j, quality[e - 1] + random.NextDouble() * 3)))
            .ToList();
    }
}
