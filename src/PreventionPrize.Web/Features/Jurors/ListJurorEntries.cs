using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The juror's dashboard for a call: the steps left before reading entries, then, per open round, the entries
/// the policy gives them with their progress ("5 of 12 scored") and the deadline. A conflicted entry is in no
/// row and no count here.
/// </summary>
public static class ListJurorEntries
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Row(string Reference, string Title, bool Confirmed, ScoreStatus? Score);

    public sealed record RoundRows(string NameEn, string NameFr, DateTime ScoringDeadlineUtc, bool Closed, IReadOnlyList<Row> Entries)
    {
        public int Scored => Entries.Count(e => e.Score == ScoreStatus.Submitted);
    }

    public sealed record Model(string Code, string TitleEn, string TitleFr, bool IsMinor, JurorStep? NextStep, IReadOnlyList<RoundRows> Rounds)
    {
        public bool HasEntries => Rounds.Any(r => r.Entries.Count > 0);
    }

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == member.CallId, ct);
            var step = await membership.NextStepAsync(member, ct);
            if (step is not null) return new Model(call.Code, call.TitleEn, call.TitleFr, member.IsMinor, step, []);

            var entries = await policy.VisibleEntries(member.Id).OrderBy(e => e.Number)
                .Select(e => new { e.Id, e.Reference, e.Title, Confirmed = db.FirstSights.Any(s => s.JuryMemberId == member.Id && s.EntryId == e.Id) })
                .ToListAsync(ct);
            var rounds = await db.Rounds.AsNoTracking().Include(r => r.Entries)
                .Where(r => r.CallId == call.Id && r.Status != RoundStatus.Draft && (r.AllJurors || r.Jurors.Any(j => j.JuryMemberId == member.Id)))
                .OrderByDescending(r => r.Number).ToListAsync(ct);
            var assigned = await db.Assignments.AsNoTracking().Where(a => a.JuryMemberId == member.Id).Select(a => new { a.RoundId, a.EntryId }).ToListAsync(ct);
            var sheets = await db.Scores.AsNoTracking().Where(s => s.JuryMemberId == member.Id).Select(s => new { s.RoundId, s.EntryId, s.Status }).ToListAsync(ct);
            var result = rounds.Select(round => new RoundRows(round.NameEn, round.NameFr, round.ScoringDeadlineUtc, round.Status == RoundStatus.Closed, entries
                .Where(e => round.Mode == AssignmentMode.EveryJurorEveryEntry
                    ? round.AllEligibleEntries || round.Entries.Any(x => x.EntryId == e.Id)
                    : assigned.Any(a => a.RoundId == round.Id && a.EntryId == e.Id))
                .Select(e => new Row(e.Reference!, e.Title, e.Confirmed, sheets.FirstOrDefault(s => s.RoundId == round.Id && s.EntryId == e.Id)?.Status))
                .ToList())).ToList();
            return new Model(call.Code, call.TitleEn, call.TitleFr, member.IsMinor, null, result);
        }
    }
}
