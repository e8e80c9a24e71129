using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Adds the pairs of a CSV file (columns <c>reference</c> and <c>juror_email</c>, as exported) to the round,
/// locked, under the same rules as a manual pair. A line that cannot stand is reported with its number and why;
/// the good lines are added; nothing is added twice.
/// </summary>
public static class ImportAssignments
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public sealed record Command(int RoundId, byte[] Content) : ICommand<Report>;

    public sealed record Report(int Added, int AlreadyThere, IReadOnlyList<string> Problems);

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Report>
    {
        public async ValueTask<Report> Handle(Command command, CancellationToken ct)
        {
            var round = await db.ForAssignmentChangeAsync(command.RoundId, l, ct);
            if (command.Content.Length is 0 or > MaxBytes) throw Rejection.Because(l["Rounds.Import.Size", MaxBytes / 1024 / 1024]);
            var rows = CsvReader.Read(Encoding.UTF8.GetString(command.Content));
            var header = rows.FirstOrDefault()?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
            var (refColumn, emailColumn) = (header.IndexOf("reference"), header.IndexOf("juror_email"));
            if (refColumn < 0 || emailColumn < 0) throw Rejection.Because(l["Rounds.Import.Header"]);

            var problem = await loader.LoadAsync(round.Id, ct);
            // A line naming a pair the solver already made locks it, as adding it by hand does.
            var existing = (await db.Assignments.Where(a => a.RoundId == round.Id).ToListAsync(ct)).ToDictionary(a => (a.EntryId, a.JuryMemberId));
            var now = clock.GetUtcNow().UtcDateTime;
            var entryByReference = problem.Entries.Select((x, i) => (x.Reference, i)).ToDictionary(x => x.Reference, x => x.i, StringComparer.OrdinalIgnoreCase);
            var jurorByEmail = problem.Jurors.Select((x, i) => (x.Email, i)).DistinctBy(x => x.Email, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(x => x.Email, x => x.i, StringComparer.OrdinalIgnoreCase);
            var (added, already, problems) = (0, 0, new List<string>());
            for (var line = 1; line < rows.Count; line++)
            {
                var cells = rows[line];
                var reference = cells.ElementAtOrDefault(refColumn)?.Trim() ?? "";
                var email = cells.ElementAtOrDefault(emailColumn)?.Trim() ?? "";
                var e = entryByReference.GetValueOrDefault(reference, -1);
                var j = jurorByEmail.GetValueOrDefault(email, -1);
                if (e < 0 || j < 0) { problems.Add(l["Rounds.Import.Unknown", line + 1, reference, email]); continue; }
                if (problem.ForbiddenWhy.TryGetValue((e, j), out var why)) { problems.Add(l["Rounds.Import.Forbidden", line + 1, reference, email, ForbiddenText.Of(why, l)]); continue; }
                if (existing.TryGetValue((problem.Entries[e].Id, problem.Jurors[j].Id), out var there)) { there.Locked = true; already++; continue; }
                var row = problem.Row(e, j, AssignmentOrigin.Import, now);
                row.Locked = true;
                db.Assignments.Add(row);
                existing[(row.EntryId, row.JuryMemberId)] = row;
                added++;
            }
            round.Touch();
            db.Audit(now, user.Id, "assignment.imported", $"round:{round.Id}", $"{added} added, {already} already there, {problems.Count} refused");
            await db.SaveChangesAsync(ct);
            return new Report(added, already, problems);
        }
    }
}
