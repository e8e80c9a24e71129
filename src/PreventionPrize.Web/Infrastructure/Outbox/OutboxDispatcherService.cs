using Microsoft.Extensions.Options;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Infrastructure.Outbox;

/// <summary>
/// Drains the outbox in the background: a pass whenever new mail is committed in this process, when a retry or a
/// lease falls due, and at least every <c>Mail:Dispatcher:PollSeconds</c> (mail queued by another instance).
/// All waiting is on the injected <see cref="TimeProvider"/>. A failing pass (database locked, server down) is
/// logged and retried later; it never stops the loop.
/// </summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxSignal signal, TimeProvider clock, IOptions<MailOptions> options,
    ILogger<OutboxDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Dispatcher;
        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.PollSeconds));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var report = await dispatcher.RunOnceAsync(stoppingToken);
                failures = 0;
                if (report.Claimed >= settings.BatchSize) continue; // more is waiting
                wait = report.NextDueUtc is { } due ? Min(due - clock.GetUtcNow().UtcDateTime, poll) : poll;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                wait = Min(TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures, 10))), poll);
                log.LogError(e, "Outbox pass failed ({Failures} in a row); next try in {Wait}", failures, wait);
            }
            try
            {
                await signal.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
