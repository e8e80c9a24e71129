using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>Two-step sign-in in a real browser: set up from the security page, then sign in with a code, by keyboard.</summary>
public sealed class TwoFactorJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_applicant_sets_up_an_authenticator_app_and_signs_in_with_it_by_keyboard()
    {
        var email = $"twofactor-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Account security" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account security" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in (authenticator app)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to add this account to an authenticator app" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "two-factor-setup-en");

        var key = (await page.Locator("#secret-key").TextContentAsync())!.Replace(" ", "").ToUpperInvariant();
        await page.GetByLabel("Type the six-digit code the app shows").FillAsync("000000");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("This code is not correct");
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Type the six-digit code the app shows").FillAsync(TwoFactor.Code(host.App, key));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        host.App.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        await host.SignInAsync(page, email, toSession: false);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Six-digit code from the app")).ToBeFocusedAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.TypeAsync(TwoFactor.Code(host.App, key));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_second_step_and_the_recovery_page_read_in_French()
    {
        var email = $"twofactor-fr-{Guid.NewGuid():N}@example.org";
        var user = await host.App.CreateUserAsync(email, Roles.Applicant, language: "fr");
        await TwoFactor.EnableAsync(host.App, user);
        var page = await host.NewPageAsync(locale: "fr-FR");
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(TestClient.DefaultPassword);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion en deux étapes" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Je ne peux pas utiliser mon application" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Code de secours")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "two-factor-recovery-fr");
    }

    [Fact]
    public async Task The_password_page_and_the_password_again_before_an_e_mail_change_pass_axe_with_their_errors()
    {
        var email = $"security-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        await page.GotoAsync(host.BaseUrl + "/account/security/password");
        await AssertNoSeriousViolationsAsync(page);
        await page.Locator("#CurrentPassword").FillAsync("not the password at all");
        await page.Locator("#Password").FillAsync("a new password long enough");
        await page.Locator("#ConfirmPassword").FillAsync("a new password long enough");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        // Past the five minutes: the e-mail page asks for the password again first.
        host.App.Clock.Advance(TimeSpan.FromMinutes(6));
        await page.GotoAsync(host.BaseUrl + "/account/security/email");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/reauthenticate"));
        await Assertions.Expect(page.Locator("#Password")).ToBeFocusedAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.TypeAsync(TestClient.DefaultPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/security/email$"));
        await AssertNoSeriousViolationsAsync(page);
    }
}
