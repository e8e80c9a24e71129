using System.Net;

namespace PreventionPrize.IntegrationTests.Gallery;

/// <summary>The gallery, winner pages, feed and open data with a moved clock: nothing before the release instant, everything at it.</summary>
public sealed class GalleryEmbargoTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task One_second_before_the_release_no_public_view_holds_anything_of_the_call_and_at_the_instant_all_do()
    {
        var given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        _app.MoveClockTo(given.ReleaseAtUtc.AddSeconds(-1));

        var before = await Winners.EverythingPublicAsync(_app, given.Winner, given.Private);
        Assert.DoesNotContain(given.Call.Code, before);
        Assert.DoesNotContain("Prévention", before);
        Assert.DoesNotContain("Young people lead it.", before);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync($"/winners/{given.Winner.Reference}")).Status);

        _app.MoveClockTo(given.ReleaseAtUtc);

        var client = _app.NewClient();
        Assert.Contains("Jouer sans se perdre", (await client.GetAsync("/winners")).Text);
        var page = await client.GetAsync($"/winners/{given.Winner.Reference}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("First prize", page.Text);
        Assert.Contains("Young people lead it.", page.Text);
        Assert.Contains("Association Élan", page.Text);
        foreach (var url in new[] { "/winners.atom", "/winners.json", "/winners.csv" })
            Assert.Contains(given.Winner.Reference!, await client.Http.GetStringAsync(url));
    }

    [Fact]
    public async Task Without_consent_or_with_no_distinction_an_entry_is_never_published()
    {
        var given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        _app.MoveClockTo(given.ReleaseAtUtc.AddDays(30));

        var after = await Winners.EverythingPublicAsync(_app, given.Private, given.NotSelected);
        Assert.DoesNotContain("Quiet project", after);
        Assert.DoesNotContain("Careful evaluation.", after);
        Assert.DoesNotContain("Ordinary project", after);
        Assert.DoesNotContain(given.Private.Reference!, after);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync($"/winners/{given.Private.Reference}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync($"/winners/{given.NotSelected.Reference}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync("/winners/NO-SUCH-0001")).Status);
    }
}
