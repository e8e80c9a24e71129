namespace PreventionPrize.Scoring;

/// <summary>
/// Krippendorff's alpha = 1 − D_o / D_e from the pairable values (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability"): units (entries) with fewer than two values are dropped, n is the number of values left, and
/// D_o = (1/n) Σ_u Σ_{i≠k in u} δ²(v_i, v_k) / (m_u − 1),  D_e = Σ_{i≠k among all n} δ²(v_i, v_k) / (n(n − 1)).
/// This is the coincidence-matrix formulation with the matrix summed out, so missing scores need no special case.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>Interval level, δ² = (a − b)². Σ_{i≠k} (v_i − v_k)² over a set of m values equals 2m·Σ(v − mean)².</summary>
    public static Coefficient Interval(IReadOnlyList<Score> scores) =>
        Compute(scores, values => 2.0 * values.Count * Descriptive.SumOfSquares(values));

    /// <summary>Nominal level, δ² = [a ≠ b]. Σ_{i≠k} [v_i ≠ v_k] = m² − Σ_c n_c² over the value counts n_c.</summary>
    public static Coefficient Nominal(IReadOnlyList<Score> scores) =>
        Compute(scores, values => (double)values.Count * values.Count
            - values.GroupBy(v => v).Sum(g => (double)g.Count() * g.Count()));

    private static Coefficient Compute(IReadOnlyList<Score> scores, Func<IReadOnlyList<double>, double> pairSum)
    {
        var units = scores.GroupBy(s => s.Entry)
            .Select(g => (IReadOnlyList<double>)g.Select(s => s.Value).ToArray())
            .Where(values => values.Count >= 2)
            .ToList();
        var n = units.Sum(u => u.Count);
        if (units.Count == 0)
            return Coefficient.NotEnoughData("No entry has scores from two jurors, so there is nothing to compare.");

        var observed = units.Sum(u => pairSum(u) / (u.Count - 1)) / n;
        var expected = pairSum(units.SelectMany(u => u).ToArray()) / ((double)n * (n - 1));
        if (!(expected > 0))
            return Coefficient.NotEnoughData("Every paired score is the same, so agreement cannot be told from chance.");
        return Coefficient.Of(1 - observed / expected);
    }
}
