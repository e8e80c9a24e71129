namespace PreventionPrize.Scoring;

public enum IccDesign
{
    /// <summary>Every juror scored every entry once: the two-way forms of Shrout and Fleiss (1979) apply.</summary>
    Complete,
    /// <summary>Some pairs are missing (assignment, conflicts): only the one-way form is defined.</summary>
    Incomplete,
}

/// <summary>
/// Single-rater intraclass correlations. Complete designs get ICC(1,1), ICC(2,1) and ICC(3,1); incomplete designs
/// get ICC(1) from the unbalanced one-way ANOVA and NotApplicable for the two-way forms, whose juror mean square
/// is undefined when jurors saw different entries. <see cref="Recommended"/> is ICC(2,1) for a complete design
/// (absolute agreement, jurors as a sample of possible jurors: leniency counts as disagreement, as it does for a
/// prize) and ICC(1) otherwise.
/// </summary>
public sealed record IccResult(IccDesign Design, int Entries, int Jurors, Coefficient Icc1, Coefficient Icc2, Coefficient Icc3)
{
    public Coefficient Recommended => Design == IccDesign.Complete ? Icc2 : Icc1;
}

public static class IntraclassCorrelation
{
    public static IccResult Compute(IReadOnlyList<Score> scores)
    {
        var entries = scores.Select(s => s.Entry).Distinct().Count();
        var jurors = scores.Select(s => s.Juror).Distinct().Count();
        var pairs = scores.Select(s => (s.Entry, s.Juror)).Distinct().Count();
        var complete = scores.Count > 0 && pairs == scores.Count && pairs == entries * jurors;
        var icc1 = OneWay(scores);
        if (!complete)
        {
            var why = Coefficient.NotApplicable("Not every juror scored every entry; the two-way ICC needs a complete design.");
            return new IccResult(IccDesign.Incomplete, entries, jurors, icc1, why, why);
        }
        var (icc2, icc3) = TwoWay(scores, entries, jurors);
        return new IccResult(IccDesign.Complete, entries, jurors, icc1, icc2, icc3);
    }

    /// <summary>
    /// ICC(1) = (MSB − MSW) / (MSB + (k₀ − 1)·MSW) with k₀ = (N − Σ nᵢ² / N) / (a − 1), the unbalanced one-way random
    /// effects estimator; k₀ is the plain k when every entry has k scores, so this is also Shrout and Fleiss's ICC(1,1).
    /// Entries with a single score carry no within-entry variance and are left out.
    /// </summary>
    private static Coefficient OneWay(IReadOnlyList<Score> scores)
    {
        var groups = scores.GroupBy(s => s.Entry)
            .Select(g => (IReadOnlyList<double>)g.Select(s => s.Value).ToArray())
            .Where(g => g.Count >= 2)
            .ToList();
        var a = groups.Count;
        if (a < 2) return Coefficient.NotEnoughData("Fewer than two entries have scores from two jurors.");
        var all = groups.SelectMany(g => g).ToArray();
        double n = all.Length;
        var grand = Descriptive.Mean(all);
        var ssBetween = groups.Sum(g => g.Count * Math.Pow(Descriptive.Mean(g) - grand, 2));
        var ssWithin = groups.Sum(Descriptive.SumOfSquares);
        var msb = ssBetween / (a - 1);
        var msw = ssWithin / (n - a);
        var k0 = (n - groups.Sum(g => (double)g.Count * g.Count) / n) / (a - 1);
        return Coefficient.Ratio(msb - msw, msb + (k0 - 1) * msw, "The scores do not vary.");
    }

    /// <summary>ICC(2,1) and ICC(3,1) from the two-way ANOVA without replication (Shrout and Fleiss 1979, Table 1).</summary>
    private static (Coefficient Icc2, Coefficient Icc3) TwoWay(IReadOnlyList<Score> scores, int n, int k)
    {
        if (n < 2 || k < 2)
        {
            var few = Coefficient.NotEnoughData("The two-way ICC needs at least two entries and two jurors.");
            return (few, few);
        }
        var values = scores.Select(s => s.Value).ToArray();
        var grand = Descriptive.Mean(values);
        var ssTotal = Descriptive.SumOfSquares(values);
        var ssRows = scores.GroupBy(s => s.Entry).Sum(g => k * Math.Pow(g.Average(s => s.Value) - grand, 2));
        var ssJudges = scores.GroupBy(s => s.Juror).Sum(g => n * Math.Pow(g.Average(s => s.Value) - grand, 2));
        var bms = ssRows / (n - 1);
        var jms = ssJudges / (k - 1);
        var ems = Math.Max(0, ssTotal - ssRows - ssJudges) / ((n - 1) * (k - 1));
        const string flat = "The scores do not vary.";
        return (
            Coefficient.Ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n, flat),
            Coefficient.Ratio(bms - ems, bms + (k - 1) * ems, flat));
    }
}
