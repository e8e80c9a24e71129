using PreventionPrize.Scoring;

namespace PreventionPrize.ScoringTests;

public sealed class DisagreementTests
{
    private static readonly IReadOnlyList<Score> Scores =
    [
        new(1, 1, 5), new(1, 2, 5), new(1, 3, 5),
        new(2, 1, 2), new(2, 2, 9),
        new(3, 1, 4), new(3, 2, 6), new(3, 3, 8),
        new(4, 1, 7),
    ];

    [Fact]
    public void The_most_disputed_entries_come_first_by_standard_deviation()
    {
        var rows = Disagreement.Rank(Scores);
        Assert.Equal([2, 3, 1], rows.Select(r => r.Entry));
        Assert.Equal(Math.Sqrt(24.5), rows[0].StandardDeviation, 12);
        Assert.Equal((7.0, 2.0, 9.0), (rows[0].Range, rows[0].Lowest, rows[0].Highest));
        Assert.Equal(0, rows[2].StandardDeviation);
    }

    [Fact]
    public void Entries_with_a_single_total_have_no_disagreement_to_report()
    {
        Assert.DoesNotContain(Disagreement.Rank(Scores), r => r.Entry == 4);
    }

    [Fact]
    public void Ranking_by_range_orders_by_the_gap_between_the_extreme_totals()
    {
        var scores = new List<Score> { new(1, 1, 1), new(1, 2, 9), new(1, 3, 9), new(1, 4, 9), new(2, 1, 1), new(2, 2, 9) };
        // Same range (8) for both; entry 2's standard deviation is larger, so it leads either way.
        Assert.Equal([2, 1], Disagreement.Rank(scores, DisagreementMeasure.Range).Select(r => r.Entry));
        var byRange = Disagreement.Rank(Scores, DisagreementMeasure.Range);
        Assert.Equal([2, 3, 1], byRange.Select(r => r.Entry));
    }
}
