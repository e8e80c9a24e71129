using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Leasing;

namespace PreventionPrize.Web.Infrastructure.Jobs;

/// <summary>What a scheduled job is: its row's name, how often a pass is due, how long a claim lasts, and the pass.</summary>
/// <param name="Lease">How long an instance may hold the job before another may take it over (a crashed or hung
/// instance never releases it). Longer than any pass should take.</param>
/// <param name="Pass">One pass, given a fresh scope's services.</param>
public sealed record JobDefinition(string Name, TimeSpan Every, TimeSpan Lease, Func<IServiceProvider, CancellationToken, Task> Pass);

/// <summary>
/// Runs a job's pass only while holding its <see cref="ScheduledJob"/> row's lease, and only when a pass is due, so
/// several instances on one database run each pass once: the claim is one conditional UPDATE (lease free and the
/// last pass at least <see cref="JobDefinition.Every"/> ago), which only one of them can win. Without the "due" rule
/// the instances would take turns, each running its own pass right after the other's. The passes keep their own
/// idempotency too (outbox keys, conditional updates): a lease that ran out under a hung pass can mean two at once.
/// </summary>
public sealed class LeasedJob(JobDefinition job, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LeasedJob> log)
{
    public JobDefinition Definition => job;

    /// <summary>This instance's name in lease owners: machine, process and a random part.</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs one pass if this instance wins the job and it is due; true iff a pass ran (and succeeded).</summary>
    public async Task<bool> TryRunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        await EnsureRowAsync(db, ct);

        var now = Now;
        var dueIfLastBefore = now - job.Every;
        var token = Leases.NewToken(Worker);
        var claimed = await db.ScheduledJobs
            .Where(j => j.Name == job.Name && (j.LastRunAtUtc == null || j.LastRunAtUtc <= dueIfLastBefore))
            .TryClaimAsync(token, now, job.Lease, ct);
        if (!claimed) return false;

        var succeeded = false;
        try
        {
            await using var passScope = scopes.CreateAsyncScope();
            await job.Pass(passScope.ServiceProvider, ct);
            succeeded = true;
        }
        finally
        {
            // Recorded even when stopping (CancellationToken.None); only while the lease is still ours, so an instance whose
            // lease ran out under a long pass cannot clear the lease of the one that took over. A failed pass leaves
            // LastRunAtUtc alone: the job stays due, for whichever instance comes next.
            var finished = Now;
            var mine = db.ScheduledJobs.Where(j => j.Name == job.Name && j.LeaseOwner == token);
            if (succeeded)
                await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunAtUtc, finished).SetProperty(j => j.Runs, j => j.Runs + 1)
                    .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            else
                await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null),
                    CancellationToken.None);
        }
        return true;
    }

    /// <summary>Inserts the job's row the first time; another instance inserting it at the same moment is no error.</summary>
    private async Task EnsureRowAsync(PrizeDbContext db, CancellationToken ct)
    {
        if (await db.ScheduledJobs.AnyAsync(j => j.Name == job.Name, ct)) return;
        db.ScheduledJobs.Add(new ScheduledJob { Name = job.Name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (!await db.ScheduledJobs.AsNoTracking().AnyAsync(j => j.Name == job.Name, ct)) throw;
            log.LogDebug(e, "Job {Job}'s row was inserted by another instance", job.Name);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
