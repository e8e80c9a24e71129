using PreventionPrize.Scoring;

namespace PreventionPrize.ScoringTests;

public sealed class AgreementTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing data: observers A–D
    // (rows) and units 1–12 (columns). The paper gives α = 0.743 nominal and 0.849 interval.
    private static readonly double?[][] KrippendorffExample =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    // Shrout and Fleiss (1979), Table 2: six targets (rows) rated by four judges (columns).
    private static readonly double?[][] ShroutFleissTable2 =
    [
        [9, 2, 5, 8],
        [6, 1, 3, 2],
        [8, 4, 6, 8],
        [7, 1, 2, 6],
        [10, 5, 6, 9],
        [6, 2, 4, 7],
    ];

    [Fact]
    public void Interval_alpha_reproduces_Krippendorffs_worked_example_with_missing_data()
    {
        var alpha = KrippendorffAlpha.Interval(Matrix.ObserverRows(KrippendorffExample));
        Assert.Equal(CoefficientStatus.Computed, alpha.Status);
        Assert.Equal(0.849, alpha.Value!.Value, 3);
    }

    [Fact]
    public void Nominal_alpha_reproduces_Krippendorffs_worked_example_with_missing_data()
    {
        var alpha = KrippendorffAlpha.Nominal(Matrix.ObserverRows(KrippendorffExample));
        Assert.Equal(0.743, alpha.Value!.Value, 3);
    }

    [Fact]
    public void Perfect_agreement_gives_an_alpha_of_one()
    {
        var scores = Matrix.Rows([[7, 7, 7], [3, 3, null], [9, null, 9]]);
        Assert.Equal(1.0, KrippendorffAlpha.Interval(scores).Value!.Value, 12);
    }

    [Fact]
    public void Alpha_is_not_enough_data_when_no_entry_has_two_scores()
    {
        var alpha = KrippendorffAlpha.Interval([new Score(1, 1, 5), new Score(2, 2, 6)]);
        Assert.Equal(CoefficientStatus.NotEnoughData, alpha.Status);
        Assert.Null(alpha.Value);
        Assert.NotNull(alpha.Reason);
    }

    [Fact]
    public void Alpha_is_not_enough_data_when_every_score_is_the_same()
    {
        var alpha = KrippendorffAlpha.Interval(Matrix.Rows([[5, 5], [5, 5]]));
        Assert.Equal(CoefficientStatus.NotEnoughData, alpha.Status);
    }

    [Fact]
    public void The_three_intraclass_correlations_reproduce_Shrout_and_Fleiss_table_2()
    {
        var icc = IntraclassCorrelation.Compute(Matrix.Rows(ShroutFleissTable2));
        Assert.Equal(IccDesign.Complete, icc.Design);
        Assert.Equal(0.17, icc.Icc1.Value!.Value, 2);
        Assert.Equal(0.29, icc.Icc2.Value!.Value, 2);
        Assert.Equal(0.71, icc.Icc3.Value!.Value, 2);
        Assert.Same(icc.Icc2, icc.Recommended);
    }

    [Fact]
    public void An_incomplete_design_gets_the_unbalanced_one_way_icc_and_no_two_way_forms()
    {
        // Entry 1 scored 1 and 3, entry 2 scored 5, 6, 7. By hand: N = 5, a = 2, MSB = 19.2, MSW = 4/3,
        // k0 = (5 − 13/5) / 1 = 2.4, ICC(1) = (19.2 − 4/3) / (19.2 + 1.4 · 4/3) = 0.848101...
        var icc = IntraclassCorrelation.Compute(Matrix.Rows([[1, 3, null], [5, 6, 7]]));
        Assert.Equal(IccDesign.Incomplete, icc.Design);
        Assert.Equal((19.2 - 4.0 / 3) / (19.2 + 1.4 * 4.0 / 3), icc.Icc1.Value!.Value, 12);
        Assert.Equal(CoefficientStatus.NotApplicable, icc.Icc2.Status);
        Assert.Equal(CoefficientStatus.NotApplicable, icc.Icc3.Status);
        Assert.Same(icc.Icc1, icc.Recommended);
    }

    [Fact]
    public void The_icc_is_not_enough_data_rather_than_nan_when_nothing_varies_or_nothing_is_paired()
    {
        var flat = IntraclassCorrelation.Compute(Matrix.Rows([[4, 4], [4, 4]]));
        Assert.All([flat.Icc1, flat.Icc2, flat.Icc3], c => Assert.Equal(CoefficientStatus.NotEnoughData, c.Status));

        var single = IntraclassCorrelation.Compute(Matrix.Rows([[4, null], [null, 6]]));
        Assert.Equal(CoefficientStatus.NotEnoughData, single.Icc1.Status);
    }

    [Fact]
    public void Agreement_is_reported_per_criterion_and_on_the_weighted_totals()
    {
        var round = new RoundScores(
        [
            new Criterion("Impact", 2, Matrix.Rows(ShroutFleissTable2)),
            new Criterion("Feasibility", 1, Matrix.Rows(ShroutFleissTable2)),
        ]);
        var agreement = Agreement.Of(round);
        Assert.Equal(["Impact", "Feasibility"], agreement.Criteria.Select(c => c.Criterion));
        // Both criteria carry the same table, so the weighted totals are that table again.
        Assert.Equal(0.29, agreement.Overall.Icc.Icc2.Value!.Value, 2);
        Assert.Equal(agreement.Criteria[0].Report.Alpha.Value!.Value, agreement.Overall.Alpha.Value!.Value, 12);
    }
}
