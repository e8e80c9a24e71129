using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Gallery;

/// <summary>The gallery's pages and open data are output-cached for anonymous visitors, and recording a decision evicts them.</summary>
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

    [Fact]
    public async Task The_gallery_pages_are_cached_for_anonymous_visitors_never_across_the_release_and_never_for_a_signed_in_user()
    {
        var given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        var visitor = _app.NewClient();
        _app.MoveClockTo(given.ReleaseAtUtc.AddSeconds(-1));
        Assert.DoesNotContain("Jouer sans se perdre", (await visitor.GetAsync("/winners")).Text);
        _app.MoveClockTo(given.ReleaseAtUtc);
        var first = await visitor.GetAsync("/winners");
        Assert.Contains("Jouer sans se perdre", first.Text);
        Assert.Null(first.Document.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.GetAsync($"/winners/{given.Winner.Reference}")).Status);
        await CachedAsync(visitor, "/winners");
        await CachedAsync(visitor, $"/winners/{given.Winner.Reference}");

        // Renamed behind the app's back: anonymous visitors get the cached page; a signed-in user the current one.
        await _app.WithDbAsync(db => db.Entries.Where(e => e.Id == given.Winner.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Renamed project")));
        Assert.Contains("Jouer sans se perdre", (await _app.NewClient().GetAsync("/winners")).Text);
        Assert.Contains("Jouer sans se perdre", (await _app.NewClient().GetAsync($"/winners/{given.Winner.Reference}")).Text);
        var member = await _app.SignedInAsync(Roles.Applicant);
        Assert.Contains("Renamed project", (await member.GetAsync("/winners")).Text);
    }

    /// <summary>The cache stores a response after sending it: wait until a request is answered from it (an Age header).</summary>
    private static async Task CachedAsync(TestClient client, string url)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await client.Http.GetAsync(url);
            if (response.Headers.Age is not null) return;
            await Task.Delay(20);
        }
        Assert.Fail($"{url} was never answered from the output cache");
    }

    [Fact]
    public async Task The_language_switch_needs_a_token_from_a_signed_in_user_but_not_from_an_anonymous_visitor()
    {
        var visitor = _app.NewClient();
        var anonymous = await visitor.Http.PostAsync("/language", new FormUrlEncodedContent([new("culture", "fr"), new("returnUrl", "/winners")]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("Lauréats", (await visitor.GetAsync("/winners")).Text);

        var member = await _app.SignedInAsync(Roles.Applicant);
        var forged = await member.Http.PostAsync("/language", new FormUrlEncodedContent([new("culture", "fr"), new("returnUrl", "/")]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await member.SwitchLanguageAsync("fr")).Status);
    }
}
