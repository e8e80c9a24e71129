namespace PreventionPrize.Scoring;

/// <summary>Inter-juror agreement on one set of scores: Krippendorff's interval alpha and the intraclass correlations.</summary>
public sealed record AgreementReport(Coefficient Alpha, IccResult Icc);

/// <summary>Agreement per criterion, in the round's criterion order, and overall on the weighted totals.</summary>
public sealed record RoundAgreement(IReadOnlyList<(string Criterion, AgreementReport Report)> Criteria, AgreementReport Overall);

public static class Agreement
{
    public static AgreementReport Of(IReadOnlyList<Score> scores) =>
        new(KrippendorffAlpha.Interval(scores), IntraclassCorrelation.Compute(scores));

    public static RoundAgreement Of(RoundScores round) =>
        new(round.Criteria.Select(c => (c.Name, Of(c.Scores))).ToList(), Of(round.WeightedTotals()));
}
