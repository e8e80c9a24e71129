using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Infrastructure.Privacy;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Privacy;

/// <summary>
/// Once a call's results have been public for its retention period, the personal data of every entry that won
/// nothing is anonymised (<see cref="PersonalData.AnonymiseEntryAsync"/>). Winners stay: their teams consented to
/// publication. One entry per transaction, each guarded by the entry's concurrency token, so two runners (or a
/// pass that runs twice) anonymise and audit an entry once; files go only after the commit.
/// </summary>
public sealed class RetentionSweep(PrizeDbContext db, PersonalData personal, IFileStore store, TimeProvider clock, ILogger<RetentionSweep> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Few calls exist; the month arithmetic is done here rather than asked of two SQL dialects.
        var released = await db.Calls.AsNoTracking().Where(c => c.ResultsReleasedAtUtc != null)
            .Select(c => new { c.Id, Released = c.ResultsReleasedAtUtc!.Value, c.RetentionMonths }).ToListAsync(ct);
        var due = released.Where(c => c.Released.AddMonths(c.RetentionMonths) <= now).Select(c => c.Id).ToList();
        var anonymised = 0;
        foreach (var callId in due)
        {
            var prizes = (await db.Decisions.AsNoTracking().Where(d => d.CallId == callId).Select(d => new { d.EntryId, d.Outcome }).ToListAsync(ct))
                .Where(d => d.Outcome.IsPrize()).Select(d => d.EntryId).ToHashSet();
            var pending = await db.Entries.AsNoTracking().Where(e => e.CallId == callId && e.AnonymisedAtUtc == null).Select(e => e.Id).ToListAsync(ct);
            foreach (var entryId in pending.Where(id => !prizes.Contains(id)))
                if (await AnonymiseAsync(entryId, now, ct)) anonymised++;
        }
        if (anonymised > 0) log.LogInformation("Retention: {Count} entries anonymised", anonymised);
        return anonymised;
    }

    private async Task<bool> AnonymiseAsync(int entryId, DateTime now, CancellationToken ct)
    {
        List<string>? files = null;
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                files = await personal.AnonymiseEntryAsync(entryId, now, null, ct);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another runner, or the owner, changed the entry at this moment; the next pass looks again.
            files = null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        if (files is null) return false;
        await store.DeleteAfterCommitAsync(files, log, $"Entry {entryId} anonymised");
        return true;
    }
}
