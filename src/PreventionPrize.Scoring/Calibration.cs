namespace PreventionPrize.Scoring;

/// <summary>
/// Leniency and severity of jurors in an incomplete design. A lenient juror who happened to be given the weaker entries
/// lifts them above stronger entries seen only by severe jurors; the additive model
/// score = μ + entryEffect + jurorEffect + ε, fitted by least squares with Σ jurorEffect = 0 (and Σ entryEffect = 0,
/// so μ is the mean calibrated score), removes that. The calibrated score is μ + entryEffect, the mean of
/// score − jurorEffect over the entry's jurors.
/// </summary>
public static class Calibration
{
    public const int DefaultMinimumScoresPerJuror = 3;

    /// <summary>
    /// Jurors with fewer than <paramref name="minimumScoresPerJuror"/> scores stay in the fit (their scores still
    /// compare the entries they saw) but their effect is not reported: from one or two scores it is mostly the
    /// entries' quality, not the juror's leniency.
    /// </summary>
    public static CalibrationResult Fit(IReadOnlyList<Score> weightedTotals, int minimumScoresPerJuror = DefaultMinimumScoresPerJuror)
    {
        var jurors = weightedTotals.Select(s => s.Juror).Distinct().Order().ToArray();
        var entryIds = weightedTotals.Select(s => s.Entry).Distinct().Order().ToArray();
        var jurorIndex = jurors.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var entryIndex = entryIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var counts = weightedTotals.GroupBy(s => s.Juror).ToDictionary(g => g.Key, g => g.Count());
        var lookup = weightedTotals.ToLookup(s => s.Entry);
        var byEntry = entryIds.Select(e => lookup[e].Select(s => (jurorIndex[s.Juror], s.Value)).ToArray()).ToList();
        var raw = Ranking.Competition(entryIds.Select((e, i) => (e, byEntry[i].Average(s => s.Value))))
            .ToDictionary(r => r.Entry);

        string? failure = null;
        if (weightedTotals.Count == 0) failure = "No scores yet.";
        else if (DesignGraph.ComponentCount(jurors.Length, entryIds.Length,
                     weightedTotals.Select(s => (jurorIndex[s.Juror], entryIndex[s.Entry]))) > 1)
            failure = "The jurors fall into groups that share no entry, so their leniencies cannot be compared.";
        var fit = failure is null ? AdditiveFit.Solve(jurors.Length, byEntry) : null;
        if (failure is null && fit is null) failure = "The scores do not determine the juror effects.";

        if (fit is not { } solved)
            return new CalibrationResult(CalibrationStatus.NotEnoughData, failure, null,
                jurors.Select(j => new JurorEffect(j, counts[j], null, CalibrationStatus.NotEnoughData, failure)).ToList(),
                entryIds.Select((e, i) => new CalibratedEntry(e, byEntry[i].Length, raw[e].Value, raw[e].Rank, null, null, null))
                    .OrderBy(x => x.RawRank).ThenBy(x => x.Entry).ToList());

        var grandMean = solved.EntryLevels.Average();
        var calibrated = Ranking.Competition(entryIds.Select((e, i) => (e, solved.EntryLevels[i])));
        return new CalibrationResult(CalibrationStatus.Calibrated, null, grandMean,
            jurors.Select((j, i) => counts[j] >= minimumScoresPerJuror
                ? new JurorEffect(j, counts[j], solved.JurorEffects[i], CalibrationStatus.Calibrated, null)
                : new JurorEffect(j, counts[j], null, CalibrationStatus.NotEnoughData,
                    $"Only {counts[j]} score(s); at least {minimumScoresPerJuror} are needed to estimate a leniency."))
                .ToList(),
            calibrated.Select(c =>
            {
                var i = entryIndex[c.Entry];
                return new CalibratedEntry(c.Entry, byEntry[i].Length, raw[c.Entry].Value, raw[c.Entry].Rank,
                    c.Value - grandMean, c.Value, c.Rank);
            }).ToList());
    }

    public static CalibrationResult Fit(RoundScores round, int minimumScoresPerJuror = DefaultMinimumScoresPerJuror) =>
        Fit(round.WeightedTotals(), minimumScoresPerJuror);
}
