namespace PreventionPrize.Scoring;

/// <summary>How far apart the jurors are on one entry: the sample standard deviation and the range of their totals.</summary>
public sealed record EntryDisagreement(int Entry, int Count, double StandardDeviation, double Range, double Lowest, double Highest);

public enum DisagreementMeasure
{
    StandardDeviation,
    Range,
}

public static class Disagreement
{
    /// <summary>
    /// Entries with at least two totals, the most disputed first: the ones worth a discussion in the jury meeting.
    /// Ties on the chosen measure fall back on the other one, then on the entry id, so the list is stable.
    /// </summary>
    public static IReadOnlyList<EntryDisagreement> Rank(
        IReadOnlyList<Score> weightedTotals, DisagreementMeasure by = DisagreementMeasure.StandardDeviation)
    {
        var rows = weightedTotals.GroupBy(s => s.Entry, s => s.Value)
            .Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var values = g.ToArray();
                var (low, high) = (values.Min(), values.Max());
                return new EntryDisagreement(g.Key, values.Length, Descriptive.StandardDeviation(values) ?? 0, high - low, low, high);
            });
        return (by == DisagreementMeasure.StandardDeviation
                ? rows.OrderByDescending(r => r.StandardDeviation).ThenByDescending(r => r.Range)
                : rows.OrderByDescending(r => r.Range).ThenByDescending(r => r.StandardDeviation))
            .ThenBy(r => r.Entry)
            .ToList();
    }

    public static IReadOnlyList<EntryDisagreement> Rank(RoundScores round, DisagreementMeasure by = DisagreementMeasure.StandardDeviation) =>
        Rank(round.WeightedTotals(), by);
}
