using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Gallery;

/// <summary>The open data is output-cached, and recording a decision evicts it.</summary>
public sealed class GalleryCacheTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();

    public Task InitializeAsync()
    {
        // The release job evicts the cache when it releases a call; here it would race the "still cached" step.
        _app.Settings["Results:ReleaseJob"] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_data_fetched_before_a_decision_is_recorded_shows_the_current_state_after_it()
    {
        var given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        _app.MoveClockTo(given.ReleaseAtUtc.AddMinutes(1));
        var client = _app.NewClient();
        Assert.Contains(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.json"));

        // Changed behind the app's back: the cached answer still holds, which shows that there is a cache.
        await _app.WithDbAsync(db => db.Entries.Where(e => e.Id == given.Winner.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ConsentToPublication, false)));
        Assert.Contains(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.json"));

        var nextCall = await EntryBuilder.CreateCallAsync(_app);
        var entry = await new EntryBuilder(_app).In(nextCall).WithStatus(EntryStatus.Eligible).SaveAsync();
        var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/calls/{nextCall.Code}/decisions/{entry.Id}", [new("Outcome", "Finalist"), new("Version", "0")]);

        Assert.DoesNotContain(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.json"));
        Assert.DoesNotContain(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.csv"));
    }

    [Fact]
    public async Task A_feed_cached_one_second_before_the_release_is_not_served_at_the_instant()
    {
        var given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        _app.MoveClockTo(given.ReleaseAtUtc.AddSeconds(-1));
        var client = _app.NewClient();
        Assert.DoesNotContain(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.atom"));

        _app.MoveClockTo(given.ReleaseAtUtc);

        Assert.Contains(given.Winner.Reference!, await client.Http.GetStringAsync("/winners.atom"));
    }
}
