using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.IntegrationTests.Outbox;

/// <summary>Apps wired to a test SMTP server, and quick ways to queue mail and read the outbox.</summary>
internal static class OutboxApps
{
    public static PrizeAppFactory Smtp(int port, bool backgroundDispatcher = false, int batchSize = 100, string? sqlite = null)
    {
        var app = new PrizeAppFactory();
        app.Settings["Mail:Transport"] = "Smtp";
        app.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        app.Settings["Mail:Smtp:Port"] = port.ToString();
        app.Settings["Mail:Smtp:Security"] = "None";
        app.Settings["Mail:Smtp:TimeoutSeconds"] = "5";
        app.Settings["Mail:Dispatcher:Enabled"] = backgroundDispatcher ? "true" : "false";
        app.Settings["Mail:Dispatcher:BatchSize"] = batchSize.ToString();
        app.Settings["App:PublicBaseUrl"] = "https://prize.example.org";
        if (sqlite is not null) app.Settings["ConnectionStrings:Sqlite"] = sqlite;
        return app;
    }

    public static OutboxDispatcher Dispatcher(this PrizeAppFactory app) => app.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Queues <paramref name="count"/> round-closed mails to distinct addresses, committed; returns the addresses.</summary>
    public static async Task<List<string>> QueueAsync(this PrizeAppFactory app, int count, string language = "en", string? name = null, MailModel? model = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var addresses = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var address = $"reader{i}-{Guid.NewGuid():N}@example.org";
            await outbox.EnqueueAsync($"test:{Guid.NewGuid():N}", new MailRecipient(address, name, language), model ?? new RoundClosedMail("Digital Prevention Prize 2027", "First round"), default);
            addresses.Add(address);
        }
        await db.SaveChangesAsync();
        return addresses;
    }

    public static Task<OutboxMessage> MailToAsync(this PrizeAppFactory app, string address) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == address));

    public static Task<List<OutboxMessage>> AllMailAsync(this PrizeAppFactory app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
}
