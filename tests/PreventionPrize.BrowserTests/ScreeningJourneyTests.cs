using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>The Secretariat screens an entry by keyboard and mouse in a real browser, with axe-core on every page.</summary>
public sealed class ScreeningJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_Secretariat_finds_a_flagged_entry_is_told_a_reason_is_missing_and_records_the_decision()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        await new EntryBuilder(host.App).In(call).With(e => e.Title = "Quiet entry").SaveAsync();
        var flagged = await new EntryBuilder(host.App).In(call)
            .With(e => { e.Title = "Flagged entry"; e.Summary = "Write to info@connected-youth.example.org."; })
            .WithAttachment("plan.pdf", "PDF author: Camille Martin").SaveAsync();
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Secretariat);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        await page.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Entries and screening" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Entries of {call.Code}", Exact = true })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Warnings").SelectOptionAsync("Flagged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = $"Entries of {call.Code}, with the filters above" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "screening-list");

        await table.GetByRole(AriaRole.Link, new() { Name = flagged.Reference! }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Entry {flagged.Reference}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Summary: contains an e-mail address")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Is this entry eligible?" }).GetByLabel("Not eligible").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision and inform the applicant" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Give the reason the entry is not eligible");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Not eligible" })).ToBeCheckedAsync();
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "screening-reason-missing");

        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("The project is run by one person only.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision and inform the applicant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Decision recorded.");
        Assert.Contains("The project is run by one person only.", (await host.App.Mail.WaitForMessageTo(flagged.ContactEmail)).TextBody);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lire ce site en français" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Candidature {flagged.Reference}" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }
}
