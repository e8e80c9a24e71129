using PreventionPrize.Core.Rounds;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// What the current assignment amounts to, computed from the rows as they are now (after the solver, a repair or
/// manual changes alike): loads, coverage, total suitability, and what falls short and why.
/// </summary>
public sealed record AssignmentReport(
    IReadOnlyList<int> Loads, IReadOnlyList<int> Coverage, long TotalSuitability, IReadOnlyList<AssignmentReport.Shortfall> Shortfalls,
    IReadOnlyList<(int Entry, int Juror, JurorAssignment Row)> Pairs, IReadOnlyList<JurorAssignment> Stale)
{
    /// <summary>An entry with fewer readers than needed: how many jurors could read it, and how many are kept away by conflicts or language.</summary>
    public sealed record Shortfall(int Entry, int Readers, int Needed, int Eligible, int Conflicted, int Language);

    public static AssignmentReport Of(RoundProblem problem, IReadOnlyList<JurorAssignment> rows)
    {
        var (entries, jurors) = (problem.Entries.Count, problem.Jurors.Count);
        var everyone = problem.Round.Mode == AssignmentMode.EveryJurorEveryEntry;
        var pairs = new List<(int, int, JurorAssignment)>();
        var stale = new List<JurorAssignment>();
        if (!everyone)
            foreach (var row in rows)
            {
                var (e, j) = (problem.EntryIndex(row.EntryId), problem.JurorIndex(row.JuryMemberId));
                if (e < 0 || j < 0 || problem.Forbidden.Contains((e, j))) stale.Add(row);
                else pairs.Add((e, j, row));
            }
        var loads = new int[jurors];
        var coverage = new int[entries];
        long total = 0;
        var suitability = pairs.ToDictionary(p => (p.Item1, p.Item2), p => p.Item3.Suitability);
        foreach (var (e, j) in problem.GivenPairs(rows))
        {
            loads[j]++;
            coverage[e]++;
            total += everyone ? problem.Scores.GetValueOrDefault((e, j))?.Value ?? 0 : suitability[(e, j)];
        }

        var needed = everyone ? 1 : problem.Round.JurorsPerEntry;
        var shortfalls = Enumerable.Range(0, entries).Where(e => coverage[e] < needed).Select(e =>
        {
            var reasons = Enumerable.Range(0, jurors).Select(j => problem.ForbiddenWhy.GetValueOrDefault((e, j))).ToList();
            return new Shortfall(e, coverage[e], needed, reasons.Count(r => r is null),
                reasons.Count(r => r?.StartsWith("conflict:", StringComparison.Ordinal) == true), reasons.Count(r => r?.StartsWith("language:", StringComparison.Ordinal) == true));
        }).ToList();
        return new AssignmentReport(loads, coverage, total, shortfalls, pairs, stale);
    }
}
