using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.IntegrationTests.Entries;
using PreventionPrize.Web.Infrastructure.Reminders;

namespace PreventionPrize.IntegrationTests.Reminders;

/// <summary>Applicants with an unsubmitted draft are reminded 72 h and 24 h before the deadline, once per step, in the entry's language.</summary>
public sealed class DraftReminderTests : IClassFixture<DraftReminderTests.App>
{
    /// <summary>The background loop is off here: each test runs a pass itself, at the instant it chose.</summary>
    public sealed class App : PrizeAppFactory
    {
        public App() => Settings["Reminders:Enabled"] = "false";
    }

    private readonly App _app;
    private readonly EntryScenario _given;

    public DraftReminderTests(App app)
    {
        _app = app;
        _given = new EntryScenario(app);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftReminders>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<string>> RemindersAsync(string address) =>
        _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == address && m.Kind == "entry.draftreminder")
            .OrderBy(m => m.CreatedAtUtc).Select(m => m.IdempotencyKey).ToListAsync());

    [Fact]
    public async Task A_draft_is_reminded_at_72_and_24_hours_once_each_and_a_submitted_entry_never()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(100));
        var (drafter, drafterUser) = await _given.ApplicantAsync(language: "fr");
        var draft = await EntryScenario.StartAsync(drafter, call, language: "fr");
        var (submitter, submitterUser) = await _given.ApplicantAsync();
        var submitted = await EntryScenario.StartAsync(submitter, call);
        await submitter.SubmitAsync($"/entries/{submitted}/edit", EntryScenario.Complete(), "form.entry-form", $"/entries/{submitted}/submit");

        await RunAsync();
        Assert.Empty(await RemindersAsync(drafterUser.Email!));

        _app.Clock.SetUtcNow(new DateTimeOffset(call.ClosesAtUtc.AddHours(-71)));
        await RunAsync();
        await RunAsync();
        Assert.Equal([$"entry.draftreminder:{draft}:72h"], await RemindersAsync(drafterUser.Email!));

        _app.Clock.SetUtcNow(new DateTimeOffset(call.ClosesAtUtc.AddHours(-23)));
        await RunAsync();
        Assert.Equal([$"entry.draftreminder:{draft}:72h", $"entry.draftreminder:{draft}:24h"], await RemindersAsync(drafterUser.Email!));
        Assert.Empty(await RemindersAsync(submitterUser.Email!));

        var mail = await _app.Mail.WaitForMessageTo(drafterUser.Email!, count: 2);
        Assert.Equal("fr", mail.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Contains($"/entries/{draft}/edit", mail.TextBody);
    }

    [Fact]
    public async Task A_draft_started_a_few_hours_before_the_deadline_gets_only_the_most_urgent_reminder()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(10));
        var (client, user) = await _given.ApplicantAsync();
        var draft = await EntryScenario.StartAsync(client, call);

        Assert.Equal(1, await RunAsync());

        Assert.Equal([$"entry.draftreminder:{draft}:24h"], await RemindersAsync(user.Email!));
    }

    [Fact]
    public async Task Two_passes_at_once_still_queue_each_reminder_once()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(5));
        var (client, user) = await _given.ApplicantAsync();
        await EntryScenario.StartAsync(client, call);

        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        Assert.Single(await RemindersAsync(user.Email!));
    }
}
