using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

/// <summary>The solver's objective as a tuple compared in order: slots covered, min-load units filled, affinity − balance cost.</summary>
internal readonly record struct Lexicographic(int Coverage, long MinLoadFill, long Value) : IComparable<Lexicographic>
{
    public int CompareTo(Lexicographic other) =>
        Coverage != other.Coverage ? Coverage.CompareTo(other.Coverage)
        : MinLoadFill != other.MinLoadFill ? MinLoadFill.CompareTo(other.MinLoadFill)
        : Value.CompareTo(other.Value);

    public static Lexicographic Of(AssignmentProblem problem, AssignmentResult result) =>
        Of(problem, result.Pairs);

    public static Lexicographic Of(AssignmentProblem problem, IEnumerable<Pair> pairs)
    {
        var loads = new int[problem.JurorCount];
        int coverage = 0;
        long affinity = 0;
        foreach (var (e, j) in pairs)
        {
            loads[j]++;
            coverage++;
            affinity += problem.AffinityOf(e, j);
        }
        long fill = 0;
        for (var j = 0; j < problem.JurorCount; j++) fill += Math.Min(loads[j], problem.MinLoad[j]);
        return new Lexicographic(coverage, fill, affinity - LoadBalance.Penalty(problem, loads));
    }
}
