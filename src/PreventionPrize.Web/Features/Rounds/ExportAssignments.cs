using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// The round's pairs as CSV: reference and juror address identify a pair (what <see cref="ImportAssignments"/>
/// reads back), then lock, origin, suitability and its parts. No applicant identity: the file may be shared with
/// the jury chair.
/// </summary>
public static class ExportAssignments
{
    public static readonly string[] Columns = ["reference", "juror_email", "juror_name", "locked", "origin", "suitability", "why"];

    public sealed record Command(int RoundId) : ICommand<(byte[] Content, string FileName)>;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command, (byte[] Content, string FileName)>
    {
        public async ValueTask<(byte[] Content, string FileName)> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new NotFoundException();
            var code = await db.Calls.Where(c => c.Id == round.CallId).Select(c => c.Code).SingleAsync(ct);
            var rows = await (from a in db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id)
                              join e in db.Entries on a.EntryId equals e.Id
                              join m in db.JuryMembers on a.JuryMemberId equals m.Id
                              orderby e.Number, m.Name
                              select new { e.Reference, m.Email, m.Name, a.Locked, a.Origin, a.Suitability, a.Explanation }).ToListAsync(ct);
            var csv = new CsvWriter().Row(Columns);
            foreach (var r in rows)
                csv.Row(r.Reference, r.Email, r.Name, r.Locked ? "true" : "false", r.Origin.ToString(), r.Suitability.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Explanation);
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "assignment.exported", $"round:{round.Id}", $"{rows.Count} pairs");
            await db.SaveChangesAsync(ct);
            return (csv.ToUtf8WithBom(), $"{code}-round-{round.Number}-assignments.csv");
        }
    }
}
