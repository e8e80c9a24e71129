using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.IntegrationTests.Outbox;

public sealed class TwoDispatcherTests
{
    [Fact]
    public async Task Two_app_instances_on_one_SQLite_file_deliver_500_mails_with_no_duplicate()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var first = OutboxApps.Smtp(smtp.Port, batchSize: 20);
        await using var second = OutboxApps.Smtp(smtp.Port, batchSize: 20, sqlite: $"Data Source={first.DatabasePath}");
        await QueueManyAsync(first, 500);
        _ = second.Services; // the second instance starts on the same file

        var sent = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        Assert.Equal(500, sent.Sum());
        Assert.All(sent, count => Assert.True(count > 0, $"one instance sent nothing ({string.Join(", ", sent)})"));
        Assert.Equal(500, smtp.Received.Count);
        Assert.Equal(500, smtp.Received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(500, smtp.Received.SelectMany(m => m.Recipients).Distinct().Count());
        Assert.All(await first.AllMailAsync(), m => Assert.Equal((OutboxState.Sent, 1), (m.State, m.Attempts)));
    }

    private static async Task QueueManyAsync(PrizeAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<MailRenderer>().Render(new RoundClosedMail("Digital Prevention Prize 2027", "First round"), "en");
        var options = scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
            db.OutboxMessages.Add(MailOutbox.Create($"test:{i}", new MailRecipient($"juror{i}@example.org", null, "en"), mail, now, options));
        await db.SaveChangesAsync();
    }

    private static async Task<int> DrainAsync(PrizeAppFactory app)
    {
        var sent = 0;
        for (var pass = 0; pass < 200; pass++)
        {
            var report = await app.Dispatcher().RunOnceAsync();
            sent += report.Sent;
            if (report.Claimed == 0 && !await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Any(m => m.State != OutboxState.Sent)))) break;
        }
        return sent;
    }
}
