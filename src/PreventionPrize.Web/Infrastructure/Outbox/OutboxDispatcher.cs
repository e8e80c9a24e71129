using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Leasing;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Infrastructure.Outbox;

/// <param name="Claimed">Mails this pass claimed.</param>
/// <param name="NextDueUtc">When something not yet due will be (a retry, a lease running out), if anything.</param>
public sealed record DispatchReport(int Claimed, int Sent, int Retried, int Failed, int Unknown, DateTime? NextDueUtc);

/// <summary>
/// One pass over the outbox: turn stale sends into Unknown, claim a batch with a lease, send it over one
/// transport session, and record each mail's outcome right after its send, so a crash mid-batch leaves the mails
/// already sent marked Sent. Every state change is a conditional update on the lease owner, so a dispatcher
/// that lost its lease to another instance cannot overwrite that instance's work.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options,
    ILogger<OutboxDispatcher> log)
{
    private readonly SemaphoreSlim _onePass = new(1, 1);
    private readonly ConcurrentDictionary<Guid, DateTime> _sentNotRecorded = new();
    private readonly List<string> _abandonedClaims = []; // touched only inside a pass, and passes never overlap

    /// <summary>This dispatcher's name in lease owners: machine, process and a random part.</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private DispatcherSettings Settings => options.Value.Dispatcher;
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, Settings.LeaseSeconds));
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DispatchReport> RunOnceAsync(CancellationToken ct = default)
    {
        await _onePass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
            await RecordSentAsync(db, ct);
            await ReleaseAbandonedClaimsAsync(db, ct);
            await db.OutboxMessages.Where(m => m.State == OutboxState.Sending && m.LeaseUntilUtc < Now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Unknown).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, "The send was interrupted and its outcome is unknown."), ct);

            var token = Leases.NewToken(Worker);
            var batch = await ClaimAsync(db, token, ct);
            var report = batch.Count == 0 ? new DispatchReport(0, 0, 0, 0, 0, null) : await SendAsync(db, token, batch, ct);
            return report with { NextDueUtc = await NextDueAsync(db, ct) };
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(PrizeDbContext db, string token, CancellationToken ct)
    {
        var now = Now;
        var due = db.OutboxMessages
            .Where(m => OutboxMessage.Claimable.Contains(m.State) && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Math.Max(1, Settings.BatchSize));
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && OutboxMessage.Claimable.Contains(m.State) && m.NextAttemptAtUtc <= now)
            .ClaimAsync(token, now, Lease, ct, s => s.SetProperty(m => m.State, OutboxState.Claimed));
        if (claimed == 0) return [];
        _abandonedClaims.Add(token); // until the batch is done; see ReleaseAbandonedClaimsAsync
        return await db.OutboxMessages.AsNoTracking().Where(m => m.LeaseOwner == token && m.State == OutboxState.Claimed)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private async Task<DispatchReport> SendAsync(PrizeDbContext db, string token, List<OutboxMessage> batch, CancellationToken ct)
    {
        int sent = 0, retried = 0, failed = 0, unknown = 0;
        await using (var session = transport.OpenSession())
        {
            for (var i = 0; i < batch.Count && !ct.IsCancellationRequested; i++)
            {
                var row = batch[i];
                var started = await db.OutboxMessages.Where(m => m.Id == row.Id && m.LeaseOwner == token && m.State == OutboxState.Claimed)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sending).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.LeaseUntilUtc, Now + Lease), ct);
                if (started != 1) continue; // the lease ran out and another dispatcher has it, or a person cancelled it

                var outcome = await session.SendAsync(OutboxMime.Build(row, options.Value, clock.GetUtcNow()), ct);
                switch (await RecordAsync(db, row.Id, token, row.Attempts + 1, outcome, ct))
                {
                    case OutboxState.Sent: sent++; break;
                    case OutboxState.Queued: retried++; break;
                    case OutboxState.Failed: failed++; break;
                    case OutboxState.Unknown: unknown++; break;
                }
                if (outcome.CouldNotConnect)
                {
                    // The server is down or refuses us: the rest of the batch would fail the same way. Each counts an attempt.
                    foreach (var rest in batch.Skip(i + 1))
                    {
                        if (await RetryClaimedAsync(db, rest, token, outcome, ct) is { } state)
                        {
                            if (state == OutboxState.Queued) retried++;
                            else failed++;
                        }
                    }
                    break;
                }
            }
        }
        _abandonedClaims.Remove(token);
        return new DispatchReport(batch.Count, sent, retried, failed, unknown, null);
    }

    private async Task<OutboxState> RecordAsync(PrizeDbContext db, Guid id, string token, int attempts, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = Now;
        if (outcome.Result == DeliveryResult.Sent)
        {
            _sentNotRecorded[id] = now; // until it is recorded: if the database refuses the write, the next pass records it
            await MarkSentAsync(db, id, now, ct);
            return OutboxState.Sent;
        }
        var state = outcome.Result switch
        {
            DeliveryResult.RetryLater when attempts < Settings.MaxAttempts => OutboxState.Queued,
            DeliveryResult.Unknown => OutboxState.Unknown,
            _ => OutboxState.Failed,
        };
        var error = Truncate(outcome.Result == DeliveryResult.RetryLater && state == OutboxState.Failed
            ? $"Gave up after {attempts} attempts: {outcome.Error}" : outcome.Error);
        var next = state == OutboxState.Queued ? now + RetryDelay(attempts) : now;
        await db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == token && m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LeaseOwner, state == OutboxState.Queued ? null : token).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastSmtpCode, outcome.SmtpCode).SetProperty(m => m.LastError, error), ct);
        if (state != OutboxState.Queued) log.LogWarning("Mail {Id} is {State}: {Code} {Error}", id, state, outcome.SmtpCode, error);
        return state;
    }

    private async Task<OutboxState?> RetryClaimedAsync(PrizeDbContext db, OutboxMessage row, string token, DeliveryOutcome outcome, CancellationToken ct)
    {
        var attempts = row.Attempts + 1;
        var state = attempts < Settings.MaxAttempts ? OutboxState.Queued : OutboxState.Failed;
        var next = Now + RetryDelay(attempts);
        var error = Truncate(state == OutboxState.Failed ? $"Gave up after {attempts} attempts: {outcome.Error}" : outcome.Error);
        var changed = await db.OutboxMessages.Where(m => m.Id == row.Id && m.LeaseOwner == token && m.State == OutboxState.Claimed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastSmtpCode, outcome.SmtpCode).SetProperty(m => m.LastError, error), ct);
        return changed == 1 ? state : null;
    }

    private async Task MarkSentAsync(PrizeDbContext db, Guid id, DateTime sentAtUtc, CancellationToken ct)
    {
        // Also from Unknown: a sweep may have given up on a send that did finish. Never from a person's later decision.
        await db.OutboxMessages.Where(m => m.Id == id && (m.State == OutboxState.Sending || m.State == OutboxState.Unknown))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAtUtc, sentAtUtc)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct);
        _sentNotRecorded.TryRemove(id, out _);
    }

    private async Task RecordSentAsync(PrizeDbContext db, CancellationToken ct)
    {
        foreach (var (id, at) in _sentNotRecorded.ToArray()) await MarkSentAsync(db, id, at, ct);
    }

    /// <summary>
    /// A pass that failed half-way (the database refused a write) leaves its claimed rows leased to it. Passes of one
    /// dispatcher never overlap, so at the start of the next pass those claims are certainly abandoned: give them back.
    /// </summary>
    private async Task ReleaseAbandonedClaimsAsync(PrizeDbContext db, CancellationToken ct)
    {
        foreach (var token in _abandonedClaims.ToList())
        {
            await db.OutboxMessages.Where(m => m.LeaseOwner == token && m.State == OutboxState.Claimed)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), ct);
            _abandonedClaims.Remove(token);
        }
    }

    private async Task<DateTime?> NextDueAsync(PrizeDbContext db, CancellationToken ct)
    {
        var now = Now;
        var retry = await db.OutboxMessages.Where(m => m.State == OutboxState.Queued && m.NextAttemptAtUtc > now)
            .OrderBy(m => m.NextAttemptAtUtc).Select(m => (DateTime?)m.NextAttemptAtUtc).FirstOrDefaultAsync(ct);
        var lease = await db.OutboxMessages.Where(m => (m.State == OutboxState.Claimed || m.State == OutboxState.Sending) && m.LeaseUntilUtc > now)
            .OrderBy(m => m.LeaseUntilUtc).Select(m => m.LeaseUntilUtc).FirstOrDefaultAsync(ct);
        return retry is null ? lease : lease is null ? retry : retry < lease ? retry : lease;
    }

    /// <summary>Exponential backoff with jitter: base·2^(n−1), capped, then a random point in its upper half.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min(Settings.RetryMaxSeconds, Settings.RetryBaseSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(seconds / 2 + Random.Shared.NextDouble() * seconds / 2);
    }

    private static string? Truncate(string? error) =>
        error is null || error.Length <= OutboxMessage.LastErrorMaxLength ? error : error[..OutboxMessage.LastErrorMaxLength];
}
