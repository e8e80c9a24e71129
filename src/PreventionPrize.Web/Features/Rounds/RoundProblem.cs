using Microsoft.EntityFrameworkCore;
using PreventionPrize.Assignment;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Mvc;
using AssignmentPair = PreventionPrize.Assignment.Pair;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// A round's data as the solver sees it: entries and jurors by position, the suitability of each pair with its
/// parts, and the pairs it must never make (a binding conflict, or a language the juror does not read when no
/// translation was approved). Built from the same <see cref="JuryPolicy"/> every juror page asks.
/// </summary>
public sealed class RoundProblem
{
    public required Round Round { get; init; }
    public required IReadOnlyList<EntryInfo> Entries { get; init; }
    public required IReadOnlyList<JurorInfo> Jurors { get; init; }
    public required IReadOnlyDictionary<(int Entry, int Juror), Suitability.Score> Scores { get; init; }
    public required IReadOnlySet<(int Entry, int Juror)> Forbidden { get; init; }
    public required IReadOnlyDictionary<(int Entry, int Juror), string> ForbiddenWhy { get; init; }

    public sealed record EntryInfo(int Id, string Reference, string Title, string Language, List<string> Behaviours, List<string> Targets, bool TranslationApproved);

    public sealed record JurorInfo(int Id, string Name, string Email, string Country, List<string> Reads, List<string> Behaviours, List<string> Targets);

    private Dictionary<int, int>? entryPositions, jurorPositions;

    /// <summary>The entry's position in the problem, or -1 when it is not in the round.</summary>
    public int EntryIndex(int entryId) =>
        (entryPositions ??= Entries.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i)).GetValueOrDefault(entryId, -1);

    public int JurorIndex(int memberId) =>
        (jurorPositions ??= Jurors.Select((j, i) => (j.Id, i)).ToDictionary(x => x.Id, x => x.i)).GetValueOrDefault(memberId, -1);

    /// <summary>The solver's problem; <paramref name="fixedPairs"/> are kept (locked pairs, or every unaffected pair in a repair).</summary>
    public AssignmentProblem ToProblem(IEnumerable<(int EntryId, int MemberId)> fixedPairs)
    {
        var builder = AssignmentProblem.Create(Entries.Count, Jurors.Count, Round.JurorsPerEntry)
            .WithLoads(Round.MinLoad, Math.Max(Round.MinLoad, Round.MaxLoad));
        foreach (var ((e, j), score) in Scores) builder.AddAffinity(e, j, score.Value);
        foreach (var (e, j) in Forbidden) builder.Forbid(e, j);
        if (Round.MaxJurorsPerCountry is { } cap)
        {
            // A juror who names no country shares it with nobody: each gets a group of their own, not one "" group.
            var countries = Jurors.Select(j => j.Country).Where(c => c.Length > 0).Distinct().ToList();
            builder.WithGroups(Jurors.Select((j, i) => j.Country.Length > 0 ? countries.IndexOf(j.Country) : countries.Count + i).ToList(), cap);
        }
        foreach (var (entryId, memberId) in fixedPairs)
            if (EntryIndex(entryId) is >= 0 and var e && JurorIndex(memberId) is >= 0 and var j && !Forbidden.Contains((e, j)))
                builder.Fix(e, j);
        return builder.WithLoadBalanceWeight(1).Build();
    }

    public AssignmentPair PairOf(int entryId, int memberId) => new(EntryIndex(entryId), JurorIndex(memberId));

    /// <summary>
    /// The (entry, juror) positions the round gives out, as the juror pages see them: every pair without a binding
    /// conflict when every juror reads every entry (the Secretariat chose that mode, languages included), otherwise
    /// the assignment's rows that still stand.
    /// </summary>
    public IReadOnlyList<(int Entry, int Juror)> GivenPairs(IEnumerable<JurorAssignment> rows) =>
        Round.Mode == AssignmentMode.EveryJurorEveryEntry
            ? [.. from e in Enumerable.Range(0, Entries.Count) from j in Enumerable.Range(0, Jurors.Count)
                  where !ForbiddenWhy.TryGetValue((e, j), out var why) || !why.StartsWith("conflict:", StringComparison.Ordinal)
                  select (e, j)]
            : [.. rows.Select(a => (Entry: EntryIndex(a.EntryId), Juror: JurorIndex(a.JuryMemberId)))
                  .Where(p => p.Entry >= 0 && p.Juror >= 0 && !Forbidden.Contains(p))];
}
