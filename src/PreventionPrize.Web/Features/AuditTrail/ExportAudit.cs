using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AuditTrail;

/// <summary>
/// The filtered trail as CSV, oldest first as a record reads. A command: the export itself is an event, recorded
/// with the filter that chose the rows (the actor by id, not by the e-mail typed).
/// </summary>
public static class ExportAudit
{
    public sealed record Command(AuditFilter Filter) : ICommand<Export>;

    public sealed record Export(string FileName, byte[] Content, IReadOnlyList<string> Problems);

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Export>
    {
        public async ValueTask<Export> Handle(Command command, CancellationToken ct)
        {
            var resolved = await command.Filter.ResolveAsync(db, l, ct);
            if (resolved.Problems.Count > 0) return new Export("", [], resolved.Problems);
            var rows = await (
                    from a in resolved.Events
                    join u in db.Users on a.ActorId equals u.Id into actors
                    from u in actors.DefaultIfEmpty()
                    orderby a.AtUtc, a.Id
                    select new { a.AtUtc, a.ActorId, Email = u == null || u.ErasedAtUtc != null ? null : u.Email, a.Action, a.Subject, a.Details })
                .ToListAsync(ct);

            var csv = new CsvWriter().Row(l["Audit.Csv.AtUtc"], l["Audit.Csv.ActorId"], l["Audit.Csv.Actor"], l["Audit.Csv.Action"],
                l["Audit.Csv.Label"], l["Audit.Csv.Subject"], l["Audit.Csv.Details"]);
            foreach (var r in rows)
            {
                var actor = r.ActorId is null ? l["Audit.System"].Value : r.Email ?? l["Audit.DeletedAccount"].Value;
                csv.Row(r.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.ActorId, actor, r.Action,
                    AuditLabels.Label(l, r.Action), r.Subject, r.Details);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Audit(now, user.Id, "audit.exported", "audit:trail", $"{resolved.Description}; {rows.Count} events");
            await db.SaveChangesAsync(ct);
            return new Export($"audit-{now:yyyyMMdd-HHmm}.csv", csv.ToUtf8WithBom(), []);
        }
    }
}
