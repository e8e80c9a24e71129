using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.IntegrationTests.Outbox;

/// <summary>The outbox row belongs to the change that causes it: both commit, or neither.</summary>
public sealed class OutboxTransactionTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public OutboxTransactionTests(PrizeAppFactory app) => _app = app;

    private static readonly MailRecipient Someone = new("someone@example.org", null, "en");

    [Fact]
    public async Task A_business_change_that_fails_to_save_leaves_no_mail_behind()
    {
        var code = "TX-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await _app.WithDbAsync(async db => { db.Calls.Add(NewCall(code)); await db.SaveChangesAsync(); return 0; });
        var key = $"test:{Guid.NewGuid():N}";

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default);
            db.Calls.Add(NewCall(code)); // the same code again: the unique index refuses the whole SaveChanges
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key)));
    }

    [Fact]
    public async Task A_transaction_rolled_back_after_saving_leaves_no_mail_behind()
    {
        var key = $"test:{Guid.NewGuid():N}";

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async ct =>
            {
                await outbox.EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), ct);
                db.Audit(DateTime.UtcNow, null, "test.change", "test:1");
                await db.SaveChangesAsync(ct);
                throw new InvalidOperationException("a later step of the same change fails");
            }, default));
        }

        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key)));
        Assert.False(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "test.change")));
    }

    [Fact]
    public async Task The_same_event_queued_twice_is_one_mail()
    {
        var key = $"test:{Guid.NewGuid():N}";
        await using var scope = _app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();

        Assert.True(await outbox.EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default));
        Assert.False(await outbox.EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default));
        await db.SaveChangesAsync();
        Assert.False(await outbox.EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default));

        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == key)));
    }

    [Fact]
    public async Task Two_requests_racing_to_queue_the_same_event_save_one_mail_and_neither_fails()
    {
        var key = $"test:{Guid.NewGuid():N}";
        await using var one = _app.Services.CreateAsyncScope();
        await using var two = _app.Services.CreateAsyncScope();
        var dbOne = one.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var dbTwo = two.ServiceProvider.GetRequiredService<PrizeDbContext>();
        // Both look before either saves, so both add the row.
        Assert.True(await one.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default));
        Assert.True(await two.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(key, Someone, new RoundClosedMail("Call", "Round"), default));
        dbTwo.Audit(DateTime.UtcNow, null, "test.race", key);

        await dbOne.SaveChangesAsync();
        await dbTwo.SaveChangesAsync();

        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == key)));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "test.race" && a.Subject == key)));
    }

    private Call NewCall(string code)
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        return new Call
        {
            Code = code, TitleEn = "Transaction test", TitleFr = "Test de transaction", Status = CallStatus.Draft,
            OpensAtUtc = now, ClosesAtUtc = now.AddDays(30), CreatedAtUtc = now, UpdatedAtUtc = now,
        };
    }
}
