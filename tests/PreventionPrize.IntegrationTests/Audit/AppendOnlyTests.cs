using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Audit;

namespace PreventionPrize.IntegrationTests.Audit;

/// <summary>
/// The database itself refuses to change or delete an audit event, whichever way EF asks: a bulk statement or a tracked
/// change. The app never tries; these prove that a bug, or a person with the app's credentials, cannot either.
/// </summary>
public sealed class AppendOnlyTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private async Task<AuditEvent> WrittenAsync()
    {
        var subject = $"test:{Guid.NewGuid():N}";
        await app.WithDbAsync(db =>
        {
            db.Audit(app.Clock.GetUtcNow().UtcDateTime, null, "test.appended", subject, "as written");
            return db.SaveChangesAsync();
        });
        return await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Subject == subject));
    }

    private Task<AuditEvent?> ReloadAsync(AuditEvent written) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == written.Id));

    private static void AssertRefusedByTheTrigger(Exception e)
    {
        var messages = new List<string>();
        for (var inner = e; inner is not null; inner = inner.InnerException) messages.Add(inner.Message);
        Assert.Contains(messages, m => m.Contains("The audit trail is append-only."));
    }

    [Fact]
    public async Task A_bulk_update_is_refused_and_the_event_is_unchanged()
    {
        var written = await WrittenAsync();

        var e = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.AuditEvents.Where(a => a.Id == written.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, "rewritten"))));

        AssertRefusedByTheTrigger(Assert.IsAssignableFrom<Exception>(e));
        Assert.Equal("as written", (await ReloadAsync(written))!.Details);
    }

    [Fact]
    public async Task A_bulk_delete_is_refused_and_the_event_remains()
    {
        var written = await WrittenAsync();

        var e = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.AuditEvents.Where(a => a.Id == written.Id).ExecuteDeleteAsync()));

        AssertRefusedByTheTrigger(Assert.IsAssignableFrom<Exception>(e));
        Assert.NotNull(await ReloadAsync(written));
    }

    [Fact]
    public async Task A_tracked_change_is_refused_at_save_and_the_event_is_unchanged()
    {
        var written = await WrittenAsync();

        var e = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            var tracked = await db.AuditEvents.SingleAsync(a => a.Id == written.Id);
            (tracked.Action, tracked.ActorId) = ("test.forged", "someone-else");
            return await db.SaveChangesAsync();
        }));

        AssertRefusedByTheTrigger(Assert.IsType<DbUpdateException>(e));
        var reloaded = (await ReloadAsync(written))!;
        Assert.Equal(("test.appended", (string?)null), (reloaded.Action, reloaded.ActorId));
    }

    [Fact]
    public async Task A_tracked_removal_is_refused_at_save_and_the_event_remains()
    {
        var written = await WrittenAsync();

        var e = await Record.ExceptionAsync(() => app.WithDbAsync(async db =>
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(a => a.Id == written.Id));
            return await db.SaveChangesAsync();
        }));

        AssertRefusedByTheTrigger(Assert.IsType<DbUpdateException>(e));
        Assert.NotNull(await ReloadAsync(written));
    }
}
