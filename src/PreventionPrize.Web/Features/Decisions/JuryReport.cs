using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Features.AuditTrail;
using PreventionPrize.Web.Features.JuryAdmin;
using PreventionPrize.Web.Features.Rounds;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>
/// The record that lets the Secretariat defend the outcome, on one printable page: the timeline, eligibility,
/// conflicts and recusals, each round's coverage, completion, agreement and the effect of calibration, and the
/// decisions with their rationale. Personal data is minimised: entries appear by reference and title, jurors by
/// name (the jury is public), never an applicant's name, organisation or address.
/// </summary>
public static class JuryReport
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Event(DateTime AtUtc, string Action, string Details);

    public sealed record ConflictCount(ConflictType Type, ConflictSource Source, int Binding, int Soft, int Cleared);

    public sealed record RoundSection(RoundResults.Model Results, RoundMonitor.Model Monitor)
    {
        /// <summary>How many entries calibration moves, and by how many places at most: the impact beside the raw ranking.</summary>
        public (int Moved, int Largest) CalibrationImpact
        {
            get
            {
                var shifts = Results.Entries.Where(e => e.Raw is not null && e.Calibrated?.CalibratedRank is not null)
                    .Select(e => Math.Abs(e.Raw!.Rank - e.Calibrated!.CalibratedRank!.Value)).ToList();
                return (shifts.Count(s => s > 0), shifts.DefaultIfEmpty(0).Max());
            }
        }
    }

    public sealed record DecisionRow(string Reference, string Title, Outcome Outcome, string Rationale);

    /// <summary>A decision recorded or changed, from the trail: when, for which entry, old and new outcome.</summary>
    public sealed record DecisionChange(DateTime AtUtc, string Reference, string Details);

    public sealed record TrailCount(string Action, int Count);

    public sealed record Model(
        string Code, string TitleEn, string TitleFr, DateTime OpensAtUtc, DateTime ClosesAtUtc, DateTime? ReleaseAtUtc, DateTime GeneratedAtUtc,
        IReadOnlyDictionary<EntryStatus, int> Statuses, IReadOnlyList<(string Reference, string Reason)> Ineligible, int Jurors, int Declined,
        IReadOnlyList<ConflictCount> Conflicts, IReadOnlyList<RoundSection> Rounds, IReadOnlyList<Event> Timeline, IReadOnlyList<DecisionRow> Decisions,
        IReadOnlyList<DecisionChange> DecisionHistory, IReadOnlyList<TrailCount> Trail);

    private static readonly string[] TimelineActions =
        ["call.opened", "call.closed", "call.deadline-moved", "jury.published", "jury.unpublished", "round.created", "round.deadline-moved", "round.published", "round.closed", "round.reopened",
         "round.shortlisted", "assignment.computed", "assignment.repaired", "results.releaseinstant", "results.released"];

    public sealed class Handler(PrizeDbContext db, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var entries = await db.Entries.AsNoTracking().Where(e => e.CallId == call.Id && e.Status != EntryStatus.Draft)
                .Select(e => new { e.Id, e.Reference, e.Title, e.Status, e.ScreeningReason }).ToListAsync(ct);
            var members = await db.JuryMembers.AsNoTracking().Where(m => m.CallId == call.Id).Select(m => m.Status).ToListAsync(ct);
            var conflicts = (await db.Conflicts.AsNoTracking().Where(c => c.CallId == call.Id).ToListAsync(ct))
                .GroupBy(c => (c.Type, c.Source))
                .Select(g => new ConflictCount(g.Key.Type, g.Key.Source, g.Count(c => c.Binding), g.Count(c => c.Active && !c.Binding), g.Count(c => !c.Active)))
                .OrderBy(c => c.Type).ThenBy(c => c.Source).ToList();
            var rounds = new List<RoundSection>();
            foreach (var id in await db.Rounds.Where(r => r.CallId == call.Id).OrderBy(r => r.Number).Select(r => r.Id).ToListAsync(ct))
                rounds.Add(new RoundSection(await mediator.Send(new RoundResults.Query(id), ct), await mediator.Send(new RoundMonitor.Query(id), ct)));
            var roundSubjects = rounds.Select(r => $"round:{r.Results.Round.Id}").ToList();
            var timeline = await db.AuditEvents.AsNoTracking()
                .Where(a => TimelineActions.Contains(a.Action) && (a.Subject == $"call:{call.Code}" || roundSubjects.Contains(a.Subject)))
                .OrderBy(a => a.AtUtc).Select(a => new Event(a.AtUtc, a.Action, a.Details ?? "")).ToListAsync(ct);
            var titles = entries.ToDictionary(e => e.Id);
            var scope = AuditFilter.OfCall(db, db.AuditEvents.AsNoTracking(), call.Id, call.Code);
            var trail = (await scope.GroupBy(a => a.Action).Select(g => new TrailCount(g.Key, g.Count())).ToListAsync(ct))
                .OrderBy(t => Array.IndexOf(AuditLabels.Known, t.Action) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Action, StringComparer.Ordinal).ToList();
            var history = (await scope.Where(a => a.Action == "decision.recorded").OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
                    .Select(a => new { a.AtUtc, a.Subject, a.Details }).ToListAsync(ct))
                .Select(a => new DecisionChange(a.AtUtc, a.Subject.StartsWith("entry:", StringComparison.Ordinal) && int.TryParse(a.Subject["entry:".Length..], out var id) && titles.TryGetValue(id, out var e) ? e.Reference ?? "" : a.Subject,
                    a.Details ?? "")).ToList();
            var decisions = (await db.Decisions.AsNoTracking().Where(d => d.CallId == call.Id).ToListAsync(ct))
                .Where(d => titles.ContainsKey(d.EntryId)).OrderBy(d => d.Outcome).ThenBy(d => titles[d.EntryId].Reference)
                .Select(d => new DecisionRow(titles[d.EntryId].Reference ?? "", titles[d.EntryId].Title, d.Outcome, d.Rationale)).ToList();
            return new Model(call.Code, call.TitleEn, call.TitleFr, call.OpensAtUtc, call.ClosesAtUtc, call.ResultsReleaseAtUtc, clock.GetUtcNow().UtcDateTime,
                entries.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count()),
                entries.Where(e => e.Status == EntryStatus.Ineligible).OrderBy(e => e.Reference).Select(e => (e.Reference ?? "", e.ScreeningReason ?? "")).ToList(),
                members.Count(s => s == InvitationStatus.Accepted), members.Count(s => s == InvitationStatus.Declined),
                conflicts, rounds, timeline, decisions, history, trail);
        }
    }
}
