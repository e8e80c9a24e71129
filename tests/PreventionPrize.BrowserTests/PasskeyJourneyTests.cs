using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// Passkeys in a real browser: <c>passkeys.js</c>, Chromium's WebAuthn and Identity's verification together, with a
/// virtual authenticator standing for the fingerprint reader. WebAuthn names the site by its host and refuses an IP
/// address, so these pages are opened at <c>localhost</c>.
/// </summary>
public sealed class PasskeyJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private string Site => host.BaseUrl.Replace("127.0.0.1", "localhost");

    /// <summary>What the browser reports as an error (the script failing, the CSP refusing it): each test ends with none.</summary>
    private readonly List<string> _browserErrors = [];

    private async Task<IPage> NewPageAsync(string locale = "en-GB") => BrowserHost.WatchErrors(await host.NewPageAsync(locale), _browserErrors);

    [Fact]
    public async Task An_applicant_creates_a_passkey_by_keyboard_then_signs_in_with_it_alone()
    {
        var email = $"passkey-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant);
        var page = await NewPageAsync();
        var authenticator = await VirtualAuthenticator.AttachAsync(page);
        await host.SignInAsync(page, email, Site);

        await page.GetByRole(AriaRole.Link, new() { Name = "Account security" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys (sign in without a password)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Passkeys", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You have no passkey yet.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Name of the passkey (optional)").FillAsync("test laptop");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create a passkey" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Your passkey has been added")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Your passkeys" })).ToContainTextAsync("test laptop");
        var stored = Assert.Single(await authenticator.CredentialsAsync());
        Assert.True(stored.GetProperty("isResidentCredential").GetBoolean());
        Assert.Equal("localhost", stored.GetProperty("rpId").GetString());
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "passkeys-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(Site + "/account/login");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "sign-in-with-passkey-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("localhost:[0-9]+/$"));
        Assert.Empty(_browserErrors);
    }

    [Fact]
    public async Task A_passkey_not_unlocked_leaves_the_sign_in_page_as_it_was_with_a_message_read_aloud()
    {
        var email = $"passkey-cancel-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant);
        var page = await NewPageAsync("fr-FR");
        var authenticator = await VirtualAuthenticator.AttachAsync(page);
        await host.SignInAsync(page, email, Site);
        await page.GotoAsync(Site + "/account/passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer une clé d'accès" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre clé d'accès a été ajoutée")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "fr");
        await ScreenshotAsync(page, "passkeys-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await page.GotoAsync(Site + "/account/login");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await authenticator.SetUserVerifiedAsync(false);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Utiliser une clé d'accès" });
        await button.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous pouvez réessayer");
        await Assertions.Expect(button).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByLabel("Adresse e-mail")).ToHaveValueAsync(email);
        await AssertNoSeriousViolationsAsync(page, "fr");

        await authenticator.SetUserVerifiedAsync(true);
        await button.ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        Assert.Empty(_browserErrors);
    }
}
