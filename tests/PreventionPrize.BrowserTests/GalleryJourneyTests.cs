using Microsoft.Playwright;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// The public side of the release in a real browser: at the ceremony instant the winners appear; a visitor reading
/// in French filters the gallery, opens a winner and downloads the open data. axe-core on every page.
/// </summary>
public sealed class GalleryJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task At_the_release_a_french_visitor_filters_the_gallery_opens_a_winner_and_downloads_the_open_data()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        var gaming = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Jouer sans se perdre"; e.Language = "fr"; e.DigitalBehaviours = ["gaming"]; }).SaveAsync();
        var shopping = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Achats malins"; e.Language = "fr"; e.DigitalBehaviours = ["online-shopping"]; }).SaveAsync();
        var ceremony = host.App.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await host.App.WithDbAsync(async db =>
        {
            db.Decisions.Add(new Decision { CallId = call.Id, EntryId = gaming.Id, Outcome = Outcome.FirstPrize, Rationale = "Les jeunes mènent tout.", DecidedAtUtc = DateTime.UtcNow });
            db.Decisions.Add(new Decision { CallId = call.Id, EntryId = shopping.Id, Outcome = Outcome.SpecialMention, Rationale = "Une idée simple.", DecidedAtUtc = DateTime.UtcNow });
            db.Calls.Single(c => c.Id == call.Id).ResultsReleaseAtUtc = ceremony;
            return await db.SaveChangesAsync();
        });

        var page = await host.NewPageAsync("fr-FR");
        await page.GotoAsync($"{host.BaseUrl}/winners");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jouer sans se perdre" })).ToHaveCountAsync(0);

        host.App.Clock.Advance(ceremony - host.App.Clock.GetUtcNow().UtcDateTime);
        await page.GotoAsync($"{host.BaseUrl}/winners");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lauréats", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Achats malins" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Comportements numériques", new() { Exact = false }).SelectOptionAsync("gaming");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Achats malins" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "gallery-fr");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jouer sans se perdre" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les jeunes mènent tout.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("script[type='application/ld+json']")).ToHaveCountAsync(1);
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "winner-fr");

        await page.GotoAsync($"{host.BaseUrl}/winners");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Jouer sans se perdre", csv);
        Assert.Contains("Achats malins", csv);

        await page.GetByRole(AriaRole.Button, new() { Name = "Read this site in English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Winners", Exact = true })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Achats malins" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Special mention").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }
}
