namespace PreventionPrize.Scoring;

/// <summary>Plain summary statistics over a non-empty sample.</summary>
internal static class Descriptive
{
    public static double Mean(IReadOnlyList<double> xs)
    {
        var sum = 0.0;
        foreach (var x in xs) sum += x;
        return sum / xs.Count;
    }

    /// <summary>The middle value, or the mean of the two middle values when the count is even.</summary>
    public static double Median(IReadOnlyList<double> xs)
    {
        var sorted = xs.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Sample standard deviation (n − 1); null below two values, where spread is undefined rather than zero.</summary>
    public static double? StandardDeviation(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return null;
        var mean = Mean(xs);
        var ss = 0.0;
        foreach (var x in xs) ss += (x - mean) * (x - mean);
        return Math.Sqrt(ss / (xs.Count - 1));
    }

    /// <summary>Σ (x − mean)², the building block of the variance decompositions.</summary>
    public static double SumOfSquares(IReadOnlyList<double> xs)
    {
        var mean = Mean(xs);
        var ss = 0.0;
        foreach (var x in xs) ss += (x - mean) * (x - mean);
        return ss;
    }
}
