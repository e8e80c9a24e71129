namespace PreventionPrize.Scoring;

/// <summary>
/// Bootstrap over jurors: each resample draws as many jurors as the round has, with replacement, and ranks the entries
/// by the mean of the drawn jurors' totals (a juror drawn twice counts twice). Jurors, not single scores, are the unit
/// of resampling because a juror's leniency is shared by all their scores. An entry none of the drawn jurors scored
/// has no mean in that resample and ties for last place.
/// </summary>
public static class Stability
{
    public const int DefaultResamples = 1000;

    public static StabilityResult Bootstrap(IReadOnlyList<Score> weightedTotals, int topN, int resamples = DefaultResamples, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topN);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        var entryIds = weightedTotals.Select(s => s.Entry).Distinct().Order().ToArray();
        var entryIndex = entryIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var jurors = weightedTotals.GroupBy(s => s.Juror)
            .Select(g => g.Select(s => (Entry: entryIndex[s.Entry], s.Value)).ToArray())
            .ToArray();
        var e = entryIds.Length;
        var ranks = new int[e][];
        for (var i = 0; i < e; i++) ranks[i] = new int[resamples];
        var topCredit = new double[e];

        var random = new Random(seed);
        var sums = new double[e];
        var counts = new int[e];
        var keys = new double[e];
        var order = new int[e];
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var draw = 0; draw < jurors.Length; draw++)
                foreach (var (entry, value) in jurors[random.Next(jurors.Length)])
                {
                    sums[entry] += value;
                    counts[entry]++;
                }
            for (var i = 0; i < e; i++)
            {
                order[i] = i;
                // Sorting ascending on the negated mean puts the best first and the unscored (+∞) last.
                keys[i] = counts[i] > 0 ? -sums[i] / counts[i] : double.PositiveInfinity;
            }
            Array.Sort(keys, order);
            RankSorted(keys, order, topN, b, ranks, topCredit);
        }

        var observed = Aggregates.Compute(weightedTotals).ToDictionary(a => a.Entry, a => a.Rank);
        return new StabilityResult(topN, resamples, seed, entryIds.Select((id, i) =>
        {
            Array.Sort(ranks[i]);
            return new EntryStability(id, observed[id], topCredit[i] / resamples,
                ranks[i][NearestRank(0.025, resamples)], ranks[i][NearestRank(0.975, resamples)]);
        }).OrderBy(s => s.ObservedRank).ThenBy(s => s.Entry).ToList());
    }

    public static StabilityResult Bootstrap(RoundScores round, int topN, int resamples = DefaultResamples, int seed = 1) =>
        Bootstrap(round.WeightedTotals(), topN, resamples, seed);

    /// <summary>
    /// Competition ranks for one resample, and top-N credit. A tied group that straddles place N shares the remaining
    /// places equally, so the shares of all entries add up to N and two equally good entries split a single prize
    /// rather than both (or neither) winning it.
    /// </summary>
    private static void RankSorted(double[] keys, int[] order, int topN, int b, int[][] ranks, double[] topCredit)
    {
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && Ranking.Ties(keys[start], keys[end])) end++;
            var size = end - start;
            var credit = (double)Math.Clamp(topN - start, 0, size) / size;
            for (var p = start; p < end; p++)
            {
                ranks[order[p]][b] = start + 1;
                topCredit[order[p]] += credit;
            }
            start = end;
        }
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least that share of resamples at or below it.</summary>
    private static int NearestRank(double share, int count) => Math.Clamp((int)Math.Ceiling(share * count) - 1, 0, count - 1);
}
