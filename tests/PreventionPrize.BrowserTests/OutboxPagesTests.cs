using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>The Secretariat's outbox pages in Chromium, in English and French, checked with axe-core.</summary>
public sealed class OutboxPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en-GB", "Outbox")]
    [InlineData("fr-FR", "Boîte d'envoi")]
    public async Task The_outbox_its_messages_the_bulk_form_and_the_templates_are_accessible(string locale, string heading)
    {
        var address = $"someone-{Guid.NewGuid():N}@example.org";
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            await outbox.EnqueueAsync($"test:{Guid.NewGuid():N}", new MailRecipient(address, null, locale[..2]), new ConfirmAccountMail("/account/confirm?x=1"), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PrizeDbContext>().SaveChangesAsync();
        }
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Secretariat, language: locale[..2]);
        var page = await host.NewPageAsync(locale);
        await host.SignInAsync(page, email);

        await page.GotoAsync(host.BaseUrl + "/secretariat/outbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"outbox-{locale}");

        await page.GotoAsync(host.BaseUrl + "/secretariat/outbox?search=" + Uri.EscapeDataString(address));
        await page.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(page.Locator("iframe.mail-html")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, skipFrames: true);

        await page.GotoAsync(host.BaseUrl + "/secretariat/outbox/bulk/new");
        await AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync(host.BaseUrl + "/secretariat/outbox/templates");
        await AssertNoSeriousViolationsAsync(page, skipFrames: true);
    }
}
