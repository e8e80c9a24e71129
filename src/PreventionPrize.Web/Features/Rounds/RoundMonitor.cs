using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Completion of a round, by juror and by entry: what each was given, what is submitted, what is still a draft.
/// Scores behind a binding conflict do not count, whenever the conflict was found.
/// </summary>
public static class RoundMonitor
{
    public sealed record Query(int RoundId) : IQuery<Model>;

    public sealed record Progress(string Label, int Given, int Submitted, int Drafts)
    {
        public int Missing => Given - Submitted;
    }

    public sealed record Model(string Code, RoundProblem Problem, IReadOnlyList<Progress> ByJuror, IReadOnlyList<Progress> ByEntry, int ExcludedScores)
    {
        public int Given => ByJuror.Sum(j => j.Given);
        public int Submitted => ByJuror.Sum(j => j.Submitted);
    }

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var problem = await loader.LoadAsync(query.RoundId, ct);
            var code = await db.Calls.Where(c => c.Id == problem.Round.CallId).Select(c => c.Code).SingleAsync(ct);
            var given = problem.GivenPairs(await db.Assignments.AsNoTracking().Where(a => a.RoundId == problem.Round.Id).ToListAsync(ct));
            var sheets = await db.Scores.AsNoTracking().Where(s => s.RoundId == problem.Round.Id)
                .Select(s => new { s.EntryId, s.JuryMemberId, s.Status }).ToListAsync(ct);
            var excluded = (await policy.ExcludedPairs(problem.Round.CallId).ToListAsync(ct)).Select(p => (p.EntryId, p.JuryMemberId)).ToHashSet();
            // Sheets of entries or jurors no longer in the round (an entry withdrawn, a juror removed) are not this round's work.
            var status = sheets.Where(s => !excluded.Contains((s.EntryId, s.JuryMemberId)) && problem.EntryIndex(s.EntryId) >= 0 && problem.JurorIndex(s.JuryMemberId) >= 0)
                .ToDictionary(s => (problem.EntryIndex(s.EntryId), problem.JurorIndex(s.JuryMemberId)), s => s.Status);
            Progress Count(string label, IEnumerable<(int, int)> pairs)
            {
                var list = pairs.ToList();
                return new Progress(label, list.Count,
                    list.Count(p => status.TryGetValue(p, out var s) && s == ScoreStatus.Submitted),
                    list.Count(p => status.TryGetValue(p, out var s) && s == ScoreStatus.Draft));
            }
            var byJuror = problem.Jurors.Select((juror, j) => Count(juror.Name, given.Where(p => p.Juror == j))).ToList();
            var byEntry = problem.Entries.Select((entry, e) => Count(entry.Reference, given.Where(p => p.Entry == e))).ToList();
            return new Model(code, problem, byJuror, byEntry, sheets.Count(s => excluded.Contains((s.EntryId, s.JuryMemberId))));
        }
    }
}
