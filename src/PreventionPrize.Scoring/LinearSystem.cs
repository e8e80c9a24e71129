namespace PreventionPrize.Scoring;

internal static class LinearSystem
{
    /// <summary>
    /// Solves A·x = b by Gaussian elimination with partial pivoting; null when A is (numerically) singular. The systems
    /// here are juror × juror, a few dozen rows at most, so a dense solve is both the simplest and exact to rounding.
    /// </summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        var scale = 0.0;
        foreach (var v in m) scale = Math.Max(scale, Math.Abs(v));
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (Math.Abs(m[pivot, col]) <= 1e-12 * Math.Max(scale, 1.0)) return null;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var f = m[row, col] / m[col, col];
                if (f == 0) continue;
                for (var k = col; k < n; k++) m[row, k] -= f * m[col, k];
                x[row] -= f * x[col];
            }
        }
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = x[row];
            for (var k = row + 1; k < n; k++) sum -= m[row, k] * x[k];
            x[row] = sum / m[row, row];
        }
        return x.All(double.IsFinite) ? x : null;
    }
}
