using PreventionPrize.Scoring;

namespace PreventionPrize.ScoringTests;

public sealed class AggregatesTests
{
    private static IReadOnlyList<Score> OneEntry(params double[] values) =>
        values.Select((v, j) => new Score(1, j + 1, v)).ToList();

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_totals()
    {
        var entry = Aggregates.Compute(OneEntry(4, 1, 3, 2)).Single();
        Assert.Equal(2.5, entry.Median);
        Assert.Equal(2.5, entry.Mean);
        Assert.Equal(4, entry.Count);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_total()
    {
        Assert.Equal(3, Aggregates.Compute(OneEntry(9, 1, 3)).Single().Median);
    }

    [Fact]
    public void Five_totals_are_trimmed_of_the_highest_and_the_lowest()
    {
        var entry = Aggregates.Compute(OneEntry(20, 5, 1, 7, 6)).Single();
        Assert.Equal(6, entry.TrimmedMean, 12);
        Assert.Equal(7.8, entry.Mean, 12);
    }

    [Fact]
    public void Four_totals_are_not_trimmed()
    {
        var entry = Aggregates.Compute(OneEntry(20, 5, 1, 7)).Single();
        Assert.Equal(entry.Mean, entry.TrimmedMean);
        Assert.Equal(8.25, entry.TrimmedMean, 12);
    }

    [Fact]
    public void The_standard_deviation_uses_n_minus_one_and_is_absent_for_a_single_total()
    {
        Assert.Equal(Math.Sqrt(2.0), Aggregates.Compute(OneEntry(1, 3)).Single().StandardDeviation!.Value, 12);
        Assert.Null(Aggregates.Compute(OneEntry(5)).Single().StandardDeviation);
    }

    [Fact]
    public void Tied_means_share_a_rank_and_the_next_entry_skips_the_places_they_used()
    {
        var scores = new[] { (10, 9.0), (11, 8.0), (12, 8.0), (13, 7.0) }
            .SelectMany(p => new[] { new Score(p.Item1, 1, p.Item2 + 1), new Score(p.Item1, 2, p.Item2 - 1) })
            .ToList();
        var ranks = Aggregates.Compute(scores).Select(a => (a.Entry, a.Rank));
        Assert.Equal([(10, 1), (11, 2), (12, 2), (13, 4)], ranks);
    }

    [Fact]
    public void Totals_that_differ_only_by_rounding_tie()
    {
        var ranked = Ranking.Competition([(1, 0.1 + 0.2), (2, 0.3), (3, 0.2)]);
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void A_jurors_total_is_weighted_and_divided_by_the_weights_of_the_criteria_they_scored()
    {
        var round = new RoundScores(
        [
            new Criterion("Impact", 3, [new Score(1, 1, 8), new Score(1, 2, 6)]),
            new Criterion("Cost", 1, [new Score(1, 1, 4)]),
        ]);
        var totals = round.WeightedTotals();
        // Juror 1: (3·8 + 1·4) / 4 = 7. Juror 2 left Cost blank: 3·6 / 3 = 6, not 18 / 4 = 4.5.
        Assert.Equal([new Score(1, 1, 7), new Score(1, 2, 6)], totals);
        Assert.Equal(6.5, Aggregates.Compute(round).Single().Mean, 12);
    }

    [Fact]
    public void A_criterion_without_a_positive_weight_or_with_a_duplicate_score_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new RoundScores([new Criterion("Impact", 0, [])]));
        Assert.Throws<ArgumentException>(() =>
            new RoundScores([new Criterion("Impact", 1, [new Score(1, 1, 5), new Score(1, 1, 6)])]));
    }
}
