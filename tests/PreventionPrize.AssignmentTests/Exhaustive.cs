using System.Numerics;
using PreventionPrize.Assignment;

namespace PreventionPrize.AssignmentTests;

/// <summary>
/// The reference: tries every set of jurors for every entry (memoised on the loads so far, which is all the later
/// entries depend on) and keeps the lexicographically best complete assignment. Tiny problems only.
/// </summary>
internal sealed class Exhaustive
{
    private readonly AssignmentProblem problem;
    private readonly int[] fixedLoad;
    private readonly Dictionary<(int, long), Lexicographic> memo = [];

    private Exhaustive(AssignmentProblem problem)
    {
        this.problem = problem;
        fixedLoad = new int[problem.JurorCount];
        foreach (var (_, j) in problem.FixedPairs) fixedLoad[j]++;
    }

    public static Lexicographic Best(AssignmentProblem problem) =>
        new Exhaustive(problem).Go(0, new int[problem.JurorCount]);

    private Lexicographic Go(int entry, int[] added)
    {
        if (entry == problem.EntryCount) return Terminal(added);
        var key = (entry, added.Aggregate(0L, (k, a) => k * 16 + a));
        if (memo.TryGetValue(key, out var known)) return known;
        var fixedHere = problem.FixedPairs.Where(p => p.Entry == entry).Select(p => p.Juror).ToArray();
        var open = Math.Max(0, problem.Demand[entry] - fixedHere.Length);
        Lexicographic? best = null;
        for (var mask = 0; mask < 1 << problem.JurorCount; mask++)
        {
            if (BitOperations.PopCount((uint)mask) > open || !Allowed(entry, mask, fixedHere, added)) continue;
            long affinity = fixedHere.Sum(j => (long)problem.AffinityOf(entry, j));
            for (var j = 0; j < problem.JurorCount; j++)
                if ((mask >> j & 1) == 1) { added[j]++; affinity += problem.AffinityOf(entry, j); }
            var rest = Go(entry + 1, added);
            for (var j = 0; j < problem.JurorCount; j++)
                if ((mask >> j & 1) == 1) added[j]--;
            var total = rest with
            {
                Coverage = rest.Coverage + fixedHere.Length + BitOperations.PopCount((uint)mask),
                Value = rest.Value + affinity,
            };
            if (best is null || total.CompareTo(best.Value) > 0) best = total;
        }
        return memo[key] = best!.Value;
    }

    private bool Allowed(int entry, int mask, int[] fixedHere, int[] added)
    {
        var addedInGroup = new int[Math.Max(1, problem.GroupCount)];
        for (var j = 0; j < problem.JurorCount; j++)
        {
            if ((mask >> j & 1) == 0) continue;
            if (problem.IsForbidden(entry, j) || fixedHere.Contains(j)) return false;
            if (fixedLoad[j] + added[j] + 1 > problem.MaxLoad[j]) return false;
            addedInGroup[problem.JurorGroup?[j] ?? 0]++;
        }
        if (problem.JurorGroup is not { } groups) return true;
        // Fixed jurors use up the cap first; added ones may only fill what is left of it.
        for (var g = 0; g < addedInGroup.Length; g++)
            if (addedInGroup[g] > Math.Max(0, problem.GroupCap - fixedHere.Count(j => groups[j] == g))) return false;
        return true;
    }

    private Lexicographic Terminal(int[] added)
    {
        var loads = added.Select((a, j) => a + fixedLoad[j]).ToArray();
        long fill = 0;
        for (var j = 0; j < problem.JurorCount; j++) fill += Math.Min(loads[j], problem.MinLoad[j]);
        return new Lexicographic(0, fill, -LoadBalance.Penalty(problem, loads));
    }
}
