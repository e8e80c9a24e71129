using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Screening;

public static class ExportEntries
{
    /// <summary>
    /// Every application of a call (drafts are not applications) as CSV for a spreadsheet. A command, not a query:
    /// the export carries identities out of the platform, so it is recorded.
    /// </summary>
    public sealed record Command(string Code) : ICommand<Export>;

    public sealed record Export(string FileName, byte[] Content);

    private sealed record Row(
        string? Reference, EntryStatus Status, string Language, DateTime? SubmittedAtUtc, bool Late, string Country,
        string OrganisationName, string OrganisationType, string ContactName, string ContactEmail, string Title,
        int? Under25, int? Under18, int? Adults, List<string> Behaviours, List<string> TargetGroups,
        List<string> IdentifierWarnings, int MetadataWarnings);

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Export>
    {
        public async ValueTask<Export> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().Where(c => c.Code == command.Code).Select(c => new { c.Id, c.Code })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            var rows = await db.Entries.AsNoTracking()
                .Where(e => e.CallId == call.Id && e.Status != EntryStatus.Draft)
                .OrderBy(e => e.Number).ThenBy(e => e.Id)
                .Select(e => new Row(e.Reference, e.Status, e.Language, e.SubmittedAtUtc, e.Late, e.Eligibility.Country,
                    e.OrganisationName, e.OrganisationType, e.ContactName, e.ContactEmail, e.Title,
                    e.ParticipantsUnder25, e.ParticipantsUnder18, e.Adults, e.DigitalBehaviours, e.TargetGroups,
                    e.IdentifierWarnings, e.Attachments.Count(a => a.MetadataWarning != null)))
                .ToListAsync(ct);

            // Headers in the reader's language; values stay codes (status, ISO country, vocabulary) so exports compare across languages.
            var csv = new CsvWriter().Row(
                l["Screening.Csv.Reference"], l["Screening.Csv.Status"], l["Screening.Csv.Language"], l["Screening.Csv.SubmittedAtUtc"],
                l["Screening.Csv.Late"], l["Screening.Csv.Country"], l["Screening.Csv.Organisation"], l["Screening.Csv.OrganisationType"],
                l["Screening.Csv.ContactName"], l["Screening.Csv.ContactEmail"], l["Screening.Csv.Title"], l["Screening.Csv.Under25"],
                l["Screening.Csv.Under18"], l["Screening.Csv.Adults"], l["Screening.Csv.Behaviours"], l["Screening.Csv.TargetGroups"],
                l["Screening.Csv.IdentifierWarnings"], l["Screening.Csv.MetadataWarnings"]);
            foreach (var r in rows)
            {
                csv.Row(r.Reference, r.Status.ToString(), r.Language, r.SubmittedAtUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    r.Late ? "true" : "false", r.Country, r.OrganisationName, r.OrganisationType, r.ContactName, r.ContactEmail, r.Title,
                    Number(r.Under25), Number(r.Under18), Number(r.Adults), string.Join("; ", r.Behaviours), string.Join("; ", r.TargetGroups),
                    string.Join("; ", r.IdentifierWarnings), Number(r.MetadataWarnings));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Audit(now, user.Id, "entries.exported", $"call:{call.Code}", $"{rows.Count} entries");
            await db.SaveChangesAsync(ct);
            return new Export($"{call.Code}-entries-{now:yyyyMMdd-HHmm}.csv", csv.ToUtf8WithBom());
        }

        private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
