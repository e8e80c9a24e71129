using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.AuditTrail;

/// <summary>
/// The audit trail for the Secretariat, newest first, a page at a time. Pages are keyset pages (older than the
/// last event shown, by time then id), so the hundredth page costs what the first does on a trail of any length.
/// </summary>
public static class ListAudit
{
    public const int PageSize = 50;

    public sealed record Query(AuditFilter Filter, long? Before = null) : IQuery<Model>;

    public sealed record Row(long Id, DateTime AtUtc, string? ActorId, string Action, string Subject, string? Details);

    public sealed record Model(AuditFilter Filter, IReadOnlyList<string> Problems, IReadOnlyList<Row> Events, AuditSubjects Subjects,
        long? Before, long? Older);

    public sealed class Handler(PrizeDbContext db, IStringLocalizer<SharedResource> l) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var resolved = await query.Filter.ResolveAsync(db, l, ct);
            var events = resolved.Events;
            if (query.Before is { } before)
            {
                var at = await db.AuditEvents.Where(a => a.Id == before).Select(a => (DateTime?)a.AtUtc).FirstOrDefaultAsync(ct);
                if (at is { } last) events = events.Where(a => a.AtUtc < last || (a.AtUtc == last && a.Id < before));
            }
            var rows = await events.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(PageSize + 1)
                .Select(a => new Row(a.Id, a.AtUtc, a.ActorId, a.Action, a.Subject, a.Details)).ToListAsync(ct);
            var older = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
            if (rows.Count > PageSize) rows.RemoveAt(PageSize);
            return new Model(query.Filter, resolved.Problems, rows, await AuditSubjects.LoadAsync(db, rows.Select(r => (r.ActorId, r.Subject)), ct),
                query.Before, older);
        }
    }
}
