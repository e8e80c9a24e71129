using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Outbox;
using SmtpServer.Protocol;

namespace PreventionPrize.IntegrationTests.Outbox;

/// <summary>
/// What goes wrong with mail servers and databases, one fault at a time. After each: nothing lost, nothing sent
/// twice that could have been avoided, every mail in the state that tells the truth.
/// </summary>
public sealed class SmtpFaultTests
{
    private static readonly TimeSpan PastAnyRetry = TimeSpan.FromHours(2);

    [Fact]
    public async Task A_server_that_is_down_at_start_gets_every_mail_once_it_is_up()
    {
        var port = SmtpTestServer.FreePort();
        await using var app = OutboxApps.Smtp(port);
        var addresses = await app.QueueAsync(3);

        var down = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(3, down.Retried);
        Assert.All(await app.AllMailAsync(), m =>
        {
            Assert.Equal(OutboxState.Queued, m.State);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("connect", m.LastError);
            Assert.True(m.NextAttemptAtUtc > app.Clock.GetUtcNow().UtcDateTime);
        });
        Assert.Equal(0, (await app.Dispatcher().RunOnceAsync()).Claimed); // not due yet: backoff holds

        await using var smtp = await SmtpTestServer.StartOnAsync(port);
        app.Clock.Advance(PastAnyRetry);
        var up = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(3, up.Sent);
        Assert.All(addresses, a => Assert.Single(smtp.To(a)));
        Assert.All(await app.AllMailAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task A_connection_dropped_before_the_data_is_retried_and_the_rest_of_the_batch_still_goes()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var addresses = await app.QueueAsync(5);
        var dropped = 0;
        smtp.OnRecipient = to => to == addresses[2] && Interlocked.Increment(ref dropped) == 1 ? throw new SmtpTestServer.DropConnection() : null;

        var first = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(4, first.Sent);
        var third = await app.MailToAsync(addresses[2]);
        Assert.Equal(OutboxState.Queued, third.State);
        Assert.Contains("before the message data", third.LastError);
        Assert.Empty(smtp.To(addresses[2]));

        app.Clock.Advance(PastAnyRetry);
        await app.Dispatcher().RunOnceAsync();

        Assert.All(addresses, a => Assert.Single(smtp.To(a)));
        Assert.Equal(OutboxState.Sent, (await app.MailToAsync(addresses[2])).State);
        Assert.Equal(2, (await app.MailToAsync(addresses[2])).Attempts);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_data_is_an_unknown_outcome_that_is_never_resent_on_its_own()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var addresses = await app.QueueAsync(4);
        smtp.OnMessage = (number, _) => number == 2 ? throw new SmtpTestServer.DropConnection() : null;

        var report = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(1, report.Unknown);
        Assert.Equal(3, report.Sent);
        var unknown = Assert.Single(await app.AllMailAsync(), m => m.State == OutboxState.Unknown);
        Assert.Contains("after the message data started", unknown.LastError);

        app.Clock.Advance(PastAnyRetry);
        await app.Dispatcher().RunOnceAsync();

        Assert.Equal(3, smtp.Received.Count);
        Assert.Equal(OutboxState.Unknown, (await app.MailToAsync(unknown.ToAddress)).State);
    }

    [Fact]
    public async Task A_451_reply_is_retried_later_with_the_same_Message_Id()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var to = (await app.QueueAsync(1)).Single();
        var seen = new List<string>();
        smtp.OnMessage = (number, message) =>
        {
            lock (seen) seen.Add(message.MessageId ?? "");
            return number == 1 ? new SmtpResponse((SmtpReplyCode)451, "4.3.0 try again later") : null;
        };

        await app.Dispatcher().RunOnceAsync();

        var waiting = await app.MailToAsync(to);
        Assert.Equal(OutboxState.Queued, waiting.State);
        Assert.Equal(451, waiting.LastSmtpCode);
        Assert.True(waiting.NextAttemptAtUtc > app.Clock.GetUtcNow().UtcDateTime);
        Assert.Empty(smtp.Received);

        app.Clock.Advance(PastAnyRetry);
        await app.Dispatcher().RunOnceAsync();

        Assert.Single(smtp.To(to));
        Assert.Equal(2, seen.Count);
        Assert.Equal(waiting.MessageId, seen[0]);
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal(OutboxState.Sent, (await app.MailToAsync(to)).State);
    }

    [Fact]
    public async Task A_550_reply_fails_the_mail_at_once_and_it_is_not_retried()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var addresses = await app.QueueAsync(2);
        smtp.OnRecipient = to => to == addresses[0] ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such user") : null;

        await app.Dispatcher().RunOnceAsync();
        app.Clock.Advance(PastAnyRetry);
        await app.Dispatcher().RunOnceAsync();

        var failed = await app.MailToAsync(addresses[0]);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(550, failed.LastSmtpCode);
        Assert.Equal(1, failed.Attempts);
        Assert.Single(smtp.To(addresses[1]));
        Assert.Empty(smtp.To(addresses[0]));
    }

    [Fact]
    public async Task Temporary_failures_stop_at_the_attempt_limit()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        app.Settings["Mail:Dispatcher:MaxAttempts"] = "3";
        var to = (await app.QueueAsync(1)).Single();
        smtp.OnMessage = (_, _) => new SmtpResponse((SmtpReplyCode)451, "4.3.0 still busy");

        for (var i = 0; i < 5; i++)
        {
            await app.Dispatcher().RunOnceAsync();
            app.Clock.Advance(PastAnyRetry);
        }

        var mail = await app.MailToAsync(to);
        Assert.Equal(OutboxState.Failed, mail.State);
        Assert.Equal(3, mail.Attempts);
        Assert.StartsWith("Gave up after 3 attempts", mail.LastError);
    }

    [Fact]
    public async Task The_database_locked_by_another_writer_mid_batch_loses_nothing_and_the_background_dispatcher_carries_on()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var app = OutboxApps.Smtp(smtp.Port, backgroundDispatcher: true);
        await using var _ = app;
        // Another writer holds the database longer than our busy timeout (1 s) allows.
        app.Settings["ConnectionStrings:Sqlite"] = $"Data Source={app.DatabasePath};Default Timeout=1";
        using var other = new SqliteConnection($"Data Source={app.DatabasePath}");
        SqliteTransaction? held = null;
        smtp.OnMessage = (number, _) =>
        {
            if (number == 2)
            {
                // The server has accepted message 2 when the lock is taken: recording "Sent" will fail.
                other.Open();
                held = other.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            }
            return null;
        };
        var service = app.Services.GetServices<IHostedService>().OfType<OutboxDispatcherService>().Single();

        var addresses = await app.QueueAsync(5);
        await WaitUntilAsync(() => held is not null);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the busy timeout: the pass has failed by now
        Assert.Equal(2, smtp.Received.Count);
        held!.Rollback();
        other.Close();

        // The loop waits a little after a failed pass (on the app's clock); new mail, or this nudge, wakes it.
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await smtp.WaitForAsync(5);
        await WaitUntilAsync(async () => (await app.AllMailAsync()).All(m => m.State == OutboxState.Sent));

        Assert.All(addresses, a => Assert.Single(smtp.To(a)));
        Assert.False(service.ExecuteTask!.IsCompleted);

        var late = (await app.QueueAsync(1)).Single(); // still running: new mail goes out on its own
        await smtp.WaitForAsync(6);
        Assert.Single(smtp.To(late));
    }

    private static async Task WaitUntilAsync(Func<bool> condition) => await WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true in 30 s");
            await Task.Delay(25);
        }
    }
}
