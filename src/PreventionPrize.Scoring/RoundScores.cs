namespace PreventionPrize.Scoring;

/// <summary>The scores of a judging round, criterion by criterion; every statistic starts from here.</summary>
public sealed class RoundScores
{
    public RoundScores(IReadOnlyList<Criterion> criteria)
    {
        foreach (var criterion in criteria)
        {
            if (!double.IsFinite(criterion.Weight) || criterion.Weight <= 0)
                throw new ArgumentException($"Criterion '{criterion.Name}' needs a positive weight.", nameof(criteria));
            var seen = new HashSet<(int, int)>();
            foreach (var s in criterion.Scores)
            {
                if (!double.IsFinite(s.Value))
                    throw new ArgumentException($"Criterion '{criterion.Name}' has a non-finite score.", nameof(criteria));
                if (!seen.Add((s.Entry, s.Juror)))
                    throw new ArgumentException(
                        $"Criterion '{criterion.Name}' scores entry {s.Entry} by juror {s.Juror} twice.", nameof(criteria));
            }
        }
        Criteria = criteria;
    }

    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>
    /// Each juror's total for each entry they scored: Σ weight·score / Σ weight over the criteria that juror scored for
    /// that entry. Dividing by the weights actually used keeps a juror who skipped a criterion on the same scale as
    /// the others, instead of pulling the entry down as if the blank were a zero.
    /// </summary>
    public IReadOnlyList<Score> WeightedTotals()
    {
        var sums = new Dictionary<(int Entry, int Juror), (double Weighted, double Weight)>();
        foreach (var criterion in Criteria)
            foreach (var s in criterion.Scores)
            {
                sums.TryGetValue((s.Entry, s.Juror), out var acc);
                sums[(s.Entry, s.Juror)] = (acc.Weighted + criterion.Weight * s.Value, acc.Weight + criterion.Weight);
            }
        return sums
            .OrderBy(kv => kv.Key.Entry).ThenBy(kv => kv.Key.Juror)
            .Select(kv => new Score(kv.Key.Entry, kv.Key.Juror, kv.Value.Weighted / kv.Value.Weight))
            .ToList();
    }
}
