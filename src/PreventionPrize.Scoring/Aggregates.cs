namespace PreventionPrize.Scoring;

/// <summary>What the jurors' weighted totals say about one entry, and its place when entries are ranked by mean.</summary>
public sealed record EntryAggregate(
    int Entry, int Count, double Mean, double Median, double TrimmedMean, double? StandardDeviation, int Rank);

public static class Aggregates
{
    /// <summary>
    /// Below this many totals the trimmed mean is the plain mean. With four or fewer, dropping the highest and the
    /// lowest would throw away half the panel; from five on, one outlying juror (a friend or a foe of the entry) can
    /// no longer move the result much, which is what the trimmed mean is for.
    /// </summary>
    public const int MinimumCountToTrim = 5;

    /// <summary>One row per entry that has at least one total, best mean first (competition ranking on the mean).</summary>
    public static IReadOnlyList<EntryAggregate> Compute(IReadOnlyList<Score> weightedTotals)
    {
        var byEntry = weightedTotals
            .GroupBy(s => s.Entry)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<double>)g.Select(s => s.Value).ToArray());
        var ranks = Ranking.Competition(byEntry.Select(kv => (kv.Key, Descriptive.Mean(kv.Value))));
        return ranks.Select(r =>
        {
            var values = byEntry[r.Entry];
            return new EntryAggregate(r.Entry, values.Count, r.Value, Descriptive.Median(values), TrimmedMean(values),
                Descriptive.StandardDeviation(values), r.Rank);
        }).ToList();
    }

    public static IReadOnlyList<EntryAggregate> Compute(RoundScores round) => Compute(round.WeightedTotals());

    /// <summary>The mean without the single highest and single lowest value, once there are <see cref="MinimumCountToTrim"/>.</summary>
    public static double TrimmedMean(IReadOnlyList<double> values)
    {
        if (values.Count < MinimumCountToTrim) return Descriptive.Mean(values);
        var sorted = values.Order().ToArray();
        return Descriptive.Mean(sorted[1..^1]);
    }
}
