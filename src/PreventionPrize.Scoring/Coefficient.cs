namespace PreventionPrize.Scoring;

public enum CoefficientStatus
{
    Computed,
    /// <summary>Too few paired scores, or no variation at all: the formula would divide by zero.</summary>
    NotEnoughData,
    /// <summary>The coefficient does not apply to this design (two-way ICCs on an incomplete design).</summary>
    NotApplicable,
}

/// <summary>A reliability coefficient, or the reason it could not be given; never NaN or infinity.</summary>
public sealed record Coefficient(CoefficientStatus Status, double? Value, string? Reason)
{
    public static Coefficient Of(double value) => new(CoefficientStatus.Computed, value, null);

    public static Coefficient NotEnoughData(string reason) => new(CoefficientStatus.NotEnoughData, null, reason);

    public static Coefficient NotApplicable(string reason) => new(CoefficientStatus.NotApplicable, null, reason);

    /// <summary>A ratio whose denominator vanished means no variance to explain, not a reliability of ±∞.</summary>
    internal static Coefficient Ratio(double numerator, double denominator, string reasonIfUndefined)
    {
        var value = numerator / denominator;
        return denominator > 0 && double.IsFinite(value) ? Of(value) : NotEnoughData(reasonIfUndefined);
    }
}
