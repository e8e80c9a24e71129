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
        foreach (var key in files)
        {
            try
            {
                store.Delete(key);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Entry {EntryId} anonymised, but its file {Key} stays", entryId, key);
            }
        }
        return true;
    }
}

/// <summary>Runs <see cref="RetentionSweep"/> every hour on the injected clock; a failing pass is logged and retried.</summary>
public sealed class RetentionSweepService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionSweepService> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Retention pass failed");
            }
            await Task.Delay(Every, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
