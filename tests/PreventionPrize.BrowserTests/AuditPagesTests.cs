using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>The audit trail, filtered by keyboard, with a refused filter, and the jury report that reads it, in Chromium and both languages, checked with axe-core.</summary>
public sealed class AuditPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en-GB", "Audit trail", "No account has this e-mail address.")]
    [InlineData("fr-FR", "Journal d'audit", "Aucun compte n'a cette adresse e-mail.")]
    public async Task The_audit_trail_its_filters_and_the_jury_report_are_accessible(string locale, string heading, string unknownActor)
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        await host.App.OpenRoundForEveryoneAsync(call);
        var entry = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).SaveAsync();
        await host.App.WithDbAsync(db =>
        {
            var now = host.App.Clock.GetUtcNow().UtcDateTime;
            db.Audit(now.AddMinutes(-2), null, "call.opened", $"call:{call.Code}");
            db.Audit(now.AddMinutes(-1), null, "entry.screened", $"entry:{entry.Id}", $"{entry.Reference}: Submitted -> Eligible");
            db.Audit(now, null, "test.unlabelled", $"call:{call.Code}", "an action without a label shows as itself");
            return db.SaveChangesAsync();
        });
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Secretariat, language: locale[..2]);
        var page = await host.NewPageAsync(locale);
        await host.SignInAsync(page, email);

        await page.GotoAsync(host.BaseUrl + "/secretariat/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await AssertNoSeriousViolationsAsync(page);

        // Filtering by keyboard: type the call's subject and press Enter.
        await page.Locator("#filter-subject").FocusAsync();
        await page.Keyboard.TypeAsync($"call:{call.Code}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.audit tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("test.unlabelled");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"audit-{locale}");

        await page.FillAsync("#filter-actor", "nobody@example.org");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(unknownActor);
        await Assertions.Expect(page.Locator("#filter-actor")).ToHaveValueAsync("nobody@example.org");
        await AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync(host.BaseUrl + $"/secretariat/calls/{call.Code}/decisions/report");
        await AssertNoSeriousViolationsAsync(page);
    }
}
