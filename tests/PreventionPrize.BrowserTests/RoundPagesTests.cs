using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// The Secretariat sets up an optimised round by keyboard and mouse, computes it and reads why each pair was
/// chosen; axe-core checks the round pages in English and in French.
/// </summary>
public sealed class RoundPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_Secretariat_creates_an_optimised_round_computes_it_and_reads_the_explanations_in_both_languages()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        for (var i = 1; i <= 4; i++)
            await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).With(e => { e.Title = $"Project {i}"; e.DigitalBehaviours = ["gaming"]; }).SaveAsync();
        foreach (var name in new[] { "Ana Lopes", "Bram de Vries", "Chidi Okafor" })
            await host.App.CreateReadyJurorAsync(call, name, m => m.Profile.DigitalBehaviours = ["gaming"]);
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Secretariat);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        await page.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Judging rounds" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New round" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Optimised assignment: a set number of jurors per entry").CheckAsync();
        await page.GetByLabel("Jurors per entry", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Most entries per juror").FillAsync("3");
        await page.GetByLabel("Most entries per juror").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The round is created.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Compute the assignment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The assignment is computed.");
        var pairs = page.GetByRole(AriaRole.Table, new() { Name = "Pairs and why they were chosen" });
        await Assertions.Expect(pairs.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 8);
        await Assertions.Expect(pairs.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Gaming +10");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "round-assignment");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lire ce site en français" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attribution" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Critères" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Critères du tour" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }
}
