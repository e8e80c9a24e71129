using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Features.Gallery;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>
/// At the release instant, tells every applicant with a decision their result, once. A call is claimed by a
/// conditional update (<c>ResultsReleasedAtUtc</c> from null to now) inside the transaction that queues its
/// e-mails, so two instances, or a pass that runs twice, never send twice. Pages need no job: they ask
/// <see cref="Core.Decisions.Embargo"/> with the clock.
/// </summary>
public sealed class ResultsRelease(PrizeDbContext db, EntryMail mail, JuryPolicy policy, TimeProvider clock,
    IOutputCacheStore gallery, ILogger<ResultsRelease> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Calls.AsNoTracking().Where(c => c.ResultsReleaseAtUtc <= now && c.ResultsReleasedAtUtc == null)
            .Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var told = 0;
        foreach (var (callId, code) in due.Select(c => (c.Id, c.Code)))
        {
            await db.InTransactionAsync(async ct =>
            {
                var claimed = await db.Calls.Where(c => c.Id == callId && c.ResultsReleasedAtUtc == null && c.ResultsReleaseAtUtc <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResultsReleasedAtUtc, now), ct);
                if (claimed == 0) return;
                var queued = await QueueAsync(callId, now, ct);
                told += queued;
                db.Audit(now, null, "results.released", $"call:{code}", $"{queued} e-mails queued");
                await db.SaveChangesAsync(ct);
            }, ct);
            db.ChangeTracker.Clear();
            log.LogInformation("Results of call {CallId} released", callId);
        }
        // The gallery's cache key already moves at the instant (GalleryCache); evicting too means every event that
        // changes what is published drops the cache, with no exception to remember.
        if (due.Count > 0) await gallery.EvictAsync(ct);
        return told;
    }

    private async Task<int> QueueAsync(int callId, DateTime now, CancellationToken ct)
    {
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.CallId == callId).ToListAsync(ct);
        var queued = 0;
        foreach (var decision in decisions)
        {
            var entry = await db.Entries.Include(e => e.Call).SingleAsync(e => e.Id == decision.EntryId, ct);
            var ownerEmail = await db.Users.Where(u => u.Id == entry.OwnerId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            queued += await mail.QueueResultAsync(entry, ownerEmail, decision, await FeedbackAsync(callId, entry.Id, ct), ct);
        }
        return queued;
    }

    /// <summary>The jury's feedback for an entry, as written and without names: only from scores that count.</summary>
    public async Task<string?> FeedbackAsync(int callId, int entryId, CancellationToken ct)
    {
        var excluded = (await policy.ExcludedPairs(callId).ToListAsync(ct)).Select(p => (p.EntryId, p.JuryMemberId)).ToHashSet();
        var feedback = (await db.Scores.AsNoTracking().Where(s => s.EntryId == entryId && s.Status == ScoreStatus.Submitted && s.Feedback != "")
                .OrderBy(s => s.Id).Select(s => new { s.JuryMemberId, s.Feedback }).ToListAsync(ct))
            .Where(s => !excluded.Contains((entryId, s.JuryMemberId))).Select(s => s.Feedback).ToList();
        return feedback.Count == 0 ? null : string.Join("\n\n", feedback);
    }
}
