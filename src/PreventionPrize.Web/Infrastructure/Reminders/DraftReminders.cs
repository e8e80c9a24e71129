using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.Web.Infrastructure.Reminders;

/// <summary>
/// Reminds applicants whose draft is not submitted as a deadline comes near (by default 72 h and 24 h before).
/// Each reminder's outbox key names the entry and the step, and the key is unique in the database, so a pass
/// that runs twice, or on two instances at once, still sends each reminder once. A draft started late gets only
/// the most urgent step it is in, not every step at once.
/// </summary>
public sealed class DraftReminders(PrizeDbContext db, MailOutbox outbox, TimeProvider clock, IOptions<ReminderOptions> options,
    ILogger<DraftReminders> log)
{
    /// <summary>One pass; returns how many reminders it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var steps = options.Value.DraftHoursBeforeDeadline.Where(h => h > 0).Distinct().Order().ToArray();
        if (steps.Length == 0) return 0;
        var horizon = now.AddHours(steps[^1]);
        var drafts = await db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Draft && e.Call.Status == CallStatus.Open && e.Call.ClosesAtUtc > now && e.Call.ClosesAtUtc <= horizon)
            .Select(e => new
            {
                e.Id, e.Language, e.Call.ClosesAtUtc, e.Call.TitleEn, e.Call.TitleFr,
                Email = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var queued = 0;
        foreach (var draft in drafts.Where(d => d.Email is not null))
        {
            var step = steps.First(h => now >= draft.ClosesAtUtc.AddHours(-h));
            var model = new DraftReminderMail(draft.Language == "fr" ? draft.TitleFr : draft.TitleEn, draft.ClosesAtUtc, $"/entries/{draft.Id}/edit");
            if (await outbox.EnqueueAsync($"entry.draftreminder:{draft.Id}:{step}h", new MailRecipient(draft.Email!, null, draft.Language), model, ct))
                queued++;
        }
        if (queued == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance queued the same reminders first: the unique key kept them single.
            log.LogInformation(e, "Draft reminders already queued elsewhere");
            db.ChangeTracker.Clear();
            return 0;
        }
        return queued;
    }
}
