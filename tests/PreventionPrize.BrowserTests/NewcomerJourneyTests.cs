using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>What a newcomer does first, in a real browser: register, confirm from the e-mail, sign in, read in French.</summary>
public sealed class NewcomerJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_newcomer_registers_confirms_by_the_e_mailed_link_signs_in_and_switches_to_French()
    {
        var page = await host.NewPageAsync();
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";

        await page.GotoAsync(host.BaseUrl + "/");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "home-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First.ClickAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and memorable sentence");
        await page.GetByLabel("Type the password again").FillAsync("a long and memorable sentence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();

        var link = MailFolder.LinkIn(await host.App.Mail.WaitForMessageTo(email), "/account/confirm");
        await page.GotoAsync(host.BaseUrl + link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your e-mail address is confirmed" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long and memorable sentence");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lire ce site en français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appels à candidatures ouverts" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "home-fr-signed-in");

        // The choice is remembered: a new visit to another page stays in French.
        await page.GotoAsync(host.BaseUrl + "/account/forgot-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réinitialiser votre mot de passe" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_French_browser_gets_French_pages_and_form_errors_it_can_act_on_by_keyboard()
    {
        var page = await host.NewPageAsync(locale: "fr-FR");
        await page.GotoAsync(host.BaseUrl + "/account/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créer un compte", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Adresse e-mail").FillAsync("pas-une-adresse");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("court");
        await page.Keyboard.PressAsync("Enter");

        // The summary takes the focus, so a screen reader announces what to fix; the typed address is kept.
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Saisissez une adresse e-mail du type nom@exemple.org.");
        await Assertions.Expect(page.GetByLabel("Adresse e-mail")).ToHaveValueAsync("pas-une-adresse");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "register-errors-fr");
    }

    [Fact]
    public async Task The_Secretariat_publishes_a_call_that_the_public_sees_on_a_phone()
    {
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Secretariat);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create a call" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page);
        var code = "BR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("Title (English)").FillAsync("Digital Prevention Prize, browser edition");
        await page.GetByLabel("Title (French)").FillAsync("Prix de la prévention numérique, édition navigateur");
        await page.GetByLabel("Description (English)").FillAsync("Projects that prevent harm from gaming and gambling.");
        var now = host.App.Clock.GetUtcNow().UtcDateTime;
        await page.GetByLabel("Opens at").FillAsync(Core.Time.Strasbourg.ToLocal(now.AddDays(-1)).ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByLabel("Closes at (deadline)").FillAsync(Core.Time.Strasbourg.ToLocal(now.AddDays(20).AddHours(1)).ToString("yyyy-MM-dd'T'HH:mm"));
        await ScreenshotAsync(page, "secretariat-create-call");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the call as a draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The call was created as a draft.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the call (publish)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The call is open and published.");
        await AssertNoSeriousViolationsAsync(page);

        var phone = await host.NewPageAsync(viewport: new() { Width = 390, Height = 844 });
        await phone.GotoAsync(host.BaseUrl + "/");
        var card = phone.Locator(".card", new() { HasText = "Digital Prevention Prize, browser edition" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".countdown")).ToHaveTextAsync("in 20 days");
        await AssertNoSeriousViolationsAsync(phone);
        await ScreenshotAsync(phone, "home-phone");
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Digital Prevention Prize, browser edition" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(phone);
    }
    [Theory]
    [InlineData("en-GB", "Privacy notice", "My data", "Delete my account")]
    [InlineData("fr-FR", "Protection des données personnelles", "Mes données", "Supprimer mon compte")]
    public async Task A_person_reads_the_privacy_notice_downloads_their_data_and_deletes_their_account(string locale, string notice, string myData, string delete)
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant, language: locale[..2]);
        var page = await host.NewPageAsync(locale);
        await host.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = notice.Split(' ')[0], Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(notice);
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, $"privacy-{locale}");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = myData }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(myData);
        await AssertNoSeriousViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href='/account/data.json']").ClickAsync());
        Assert.Contains(email, await File.ReadAllTextAsync((await download.PathAsync())!));

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = delete }).ClickAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.Locator("#Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error, .validation-summary-errors").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.Locator("#Password").FillAsync(TestClient.DefaultPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".flash-ok")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(email)).ToHaveCountAsync(0);
        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_minor_jurors_profile_and_the_guardian_consent_form_are_accessible()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        var juror = await host.App.CreateReadyJurorAsync(call, "Young Juror", m => m.IsMinor = true);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, juror.Email);
        await page.GotoAsync($"{host.BaseUrl}/jury/{call.Code}/profile");
        await Assertions.Expect(page.GetByLabel("School or youth organisation 1")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        var secretariat = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(secretariat, Roles.Secretariat);
        var admin = await host.NewPageAsync();
        await host.SignInAsync(admin, secretariat);
        await admin.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}/jury/{juror.Member.Id}");
        await Assertions.Expect(admin.GetByLabel("Signed consent form received")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(admin);
    }
}
