namespace PreventionPrize.Scoring;

/// <summary>An entry's place in a ranking; tied entries share the better place.</summary>
public readonly record struct RankedEntry(int Entry, double Value, int Rank);

public static class Ranking
{
    /// <summary>
    /// Values closer than this (relative to their size) tie. Weighted totals of equal scores can differ in the last
    /// bits depending on the order the sums were taken, and a prize must not hinge on rounding.
    /// </summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// Standard competition ranking, highest value first ("1, 2, 2, 4"): a tied group takes the place of its first
    /// member and the next entry skips the places the group used. Entries with equal values keep id order.
    /// </summary>
    public static IReadOnlyList<RankedEntry> Competition(IEnumerable<(int Entry, double Value)> values)
    {
        var sorted = values.OrderByDescending(v => v.Value).ThenBy(v => v.Entry).ToList();
        var ranked = new List<RankedEntry>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var tied = i > 0 && Ties(sorted[i - 1].Value, sorted[i].Value);
            ranked.Add(new RankedEntry(sorted[i].Entry, sorted[i].Value, tied ? ranked[i - 1].Rank : i + 1));
        }
        return ranked;
    }

    /// <summary>Infinite values (an unscored entry in a resample) tie only with each other: a relative tolerance of ∞ would swallow everything.</summary>
    public static bool Ties(double a, double b) =>
        a == b || (double.IsFinite(a) && double.IsFinite(b)
            && Math.Abs(a - b) <= TieTolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b))));
}
