namespace PreventionPrize.Scoring;

/// <summary>
/// Least squares for y(e, j) = a(e) + b(j) + ε over the observed pairs only, with Σ b(j) = 0. Eliminating the entry
/// parameters (a(e) = mean over its jurors of y − b) leaves the reduced normal equations of an incomplete block design,
/// C·b = q with C(j, k) = n(j)·[j = k] − Σ over entries both scored of 1/n(e) and q(j) = Σ over j's entries of
/// (y − entry mean). C is singular (its rows sum to zero) with rank J − 1 exactly when the design is connected; solving
/// (C + 11ᵀ)·b = q instead picks the one solution with Σ b = 0, because 1ᵀC = 0 and 1ᵀq = 0.
/// </summary>
internal static class AdditiveFit
{
    /// <param name="entries">For each entry, its (juror index, value) pairs; every entry has at least one.</param>
    /// <returns>Juror effects and entry levels a(e) = μ + entryEffect, or null when the system is singular.</returns>
    public static (double[] JurorEffects, double[] EntryLevels)? Solve(int jurorCount, IReadOnlyList<(int Juror, double Value)[]> entries)
    {
        var c = new double[jurorCount, jurorCount];
        var q = new double[jurorCount];
        foreach (var scores in entries)
        {
            var n = scores.Length;
            var mean = scores.Sum(s => s.Value) / n;
            foreach (var (j, y) in scores)
            {
                c[j, j] += 1;
                q[j] += y - mean;
                foreach (var (k, _) in scores) c[j, k] -= 1.0 / n;
            }
        }
        for (var j = 0; j < jurorCount; j++)
            for (var k = 0; k < jurorCount; k++)
                c[j, k] += 1;

        var effects = LinearSystem.Solve(c, q);
        if (effects is null) return null;
        var levels = entries.Select(scores => scores.Sum(s => s.Value - effects[s.Juror]) / scores.Length).ToArray();
        return (effects, levels);
    }
}
