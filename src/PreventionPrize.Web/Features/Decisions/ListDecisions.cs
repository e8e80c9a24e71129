using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Features.JuryAdmin;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>The judged entries of a call with their decision (pending until the release instant) and the release itself.</summary>
public static class ListDecisions
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Row(int EntryId, string Reference, string Title, string OrganisationName, string Language, Outcome? Outcome, string Rationale, int Version);

    public sealed record Model(string Code, string TitleEn, string TitleFr, DateTime? ReleaseAtUtc, DateTime? ReleasedAtUtc, DateTime NowUtc, IReadOnlyList<Row> Entries)
    {
        public bool Released => ReleasedAtUtc is not null || Embargo.IsLifted(ReleaseAtUtc, NowUtc);
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var rows = await db.Entries.AsNoTracking().Where(e => e.CallId == call.Id && JuryPolicy.JudgedStatuses.Contains(e.Status)).OrderBy(e => e.Number)
                .Select(e => new { e.Id, e.Reference, e.Title, e.OrganisationName, e.Language, Decision = db.Decisions.FirstOrDefault(d => d.EntryId == e.Id) })
                .ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, call.ResultsReleaseAtUtc, call.ResultsReleasedAtUtc, clock.GetUtcNow().UtcDateTime,
                rows.Select(r => new Row(r.Id, r.Reference ?? "", r.Title, r.OrganisationName, r.Language, r.Decision?.Outcome, r.Decision?.Rationale ?? "", r.Decision?.Version ?? 0)).ToList());
        }
    }
}
