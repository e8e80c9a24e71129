using PreventionPrize.Scoring;

namespace PreventionPrize.ScoringTests;

public sealed class CalibrationTests
{
    // True qualities 8, 7.5, 7, 6.5, 6, 5.5 for entries 1–6; juror biases +2, −1, 0, −1 (they sum to zero, which is the
    // model's own constraint, so the estimates must equal them). The lenient juror 1 was given the three weakest
    // entries, so raw means put entry 4 (quality 6.5) first.
    private static readonly double[] Quality = [8, 7.5, 7, 6.5, 6, 5.5];
    private static readonly double[] Bias = [2, -1, 0, -1];
    private static readonly (int Entry, int Juror)[] Design =
        [(1, 2), (1, 4), (2, 2), (2, 3), (3, 3), (3, 4), (4, 1), (4, 3), (5, 1), (5, 4), (6, 1), (6, 2)];

    private static List<Score> Noiseless() =>
        Design.Select(p => new Score(p.Entry, p.Juror, Quality[p.Entry - 1] + Bias[p.Juror - 1])).ToList();

    [Fact]
    public void Known_additive_biases_are_recovered_exactly_from_an_incomplete_design_without_noise()
    {
        var result = Calibration.Fit(Noiseless());

        Assert.Equal(CalibrationStatus.Calibrated, result.Status);
        foreach (var juror in result.Jurors)
        {
            Assert.Equal(CalibrationStatus.Calibrated, juror.Status);
            Assert.Equal(3, juror.ScoreCount);
            Assert.Equal(Bias[juror.Juror - 1], juror.Effect!.Value, 9);
        }
        Assert.Equal(Quality.Average(), result.GrandMean!.Value, 9);
        foreach (var entry in result.Entries)
        {
            Assert.Equal(Quality[entry.Entry - 1], entry.CalibratedScore!.Value, 9);
            Assert.Equal(Quality[entry.Entry - 1] - Quality.Average(), entry.EntryEffect!.Value, 9);
        }
    }

    [Fact]
    public void The_calibrated_ranking_recovers_the_true_order_where_the_raw_ranking_does_not()
    {
        var result = Calibration.Fit(Noiseless());

        Assert.Equal([1, 2, 3, 4, 5, 6], result.Entries.OrderBy(e => e.CalibratedRank).Select(e => e.Entry));
        Assert.Equal([1, 2, 3, 4, 5, 6], result.Entries.Select(e => e.CalibratedRank!.Value));
        var rawFirst = result.Entries.Single(e => e.RawRank == 1);
        Assert.Equal(4, rawFirst.Entry);
        Assert.Equal(7.5, rawFirst.RawMean, 12);
    }

    [Fact]
    public void Noise_does_not_stop_the_effects_from_summing_to_zero()
    {
        var random = new Random(7);
        var noisy = Noiseless().Select(s => s with { Value = s.Value + (random.NextDouble() - 0.5) * 0.2 }).ToList();
        var result = Calibration.Fit(noisy);
        Assert.Equal(0, result.Jurors.Sum(j => j.Effect!.Value), 9);
        Assert.All(result.Jurors, j => Assert.Equal(Bias[j.Juror - 1], j.Effect!.Value, 0.3));
    }

    [Fact]
    public void Two_panels_that_share_no_entry_and_no_juror_are_not_enough_data_to_calibrate()
    {
        var scores = new List<Score>();
        foreach (var juror in new[] { 1, 2 })
            foreach (var entry in new[] { 1, 2, 3 }) scores.Add(new Score(entry, juror, entry + juror));
        foreach (var juror in new[] { 3, 4 })
            foreach (var entry in new[] { 4, 5, 6 }) scores.Add(new Score(entry, juror, entry + juror));

        var result = Calibration.Fit(scores);

        Assert.Equal(CalibrationStatus.NotEnoughData, result.Status);
        Assert.Contains("share no entry", result.Reason);
        Assert.Null(result.GrandMean);
        Assert.All(result.Jurors, j => Assert.Null(j.Effect));
        Assert.All(result.Entries, e => Assert.Null(e.CalibratedScore));
        Assert.Equal(6, result.Entries.Count);
    }

    [Fact]
    public void A_juror_with_only_two_scores_is_flagged_while_the_others_are_calibrated()
    {
        var scores = Noiseless();
        scores.Add(new Score(1, 5, 9));
        scores.Add(new Score(2, 5, 8.5));

        var result = Calibration.Fit(scores);

        Assert.Equal(CalibrationStatus.Calibrated, result.Status);
        var flagged = result.Jurors.Single(j => j.Juror == 5);
        Assert.Equal(CalibrationStatus.NotEnoughData, flagged.Status);
        Assert.Equal(2, flagged.ScoreCount);
        Assert.Null(flagged.Effect);
        Assert.Contains("at least 3", flagged.Reason);
        Assert.All(result.Jurors.Where(j => j.Juror != 5), j => Assert.Equal(CalibrationStatus.Calibrated, j.Status));
    }

    [Fact]
    public void A_round_without_scores_is_not_enough_data()
    {
        var result = Calibration.Fit(Array.Empty<Score>());
        Assert.Equal(CalibrationStatus.NotEnoughData, result.Status);
        Assert.Empty(result.Entries);
    }
}
