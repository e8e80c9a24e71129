using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// The jury's first steps in a real browser: the Secretariat invites, the juror (reading in French) accepts from
/// the e-mail, fills the profile and the declaration, opens one entry and steps away from another; the Secretariat
/// sees the recusal in the conflict matrix. axe-core checks every page, in the language it is read in.
/// </summary>
public sealed class JuryJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_juror_is_invited_accepts_declares_reads_one_entry_and_recuses_from_another()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        await host.App.OpenRoundForEveryoneAsync(call);
        var read = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).With(e => e.Title = "Jouer sans se perdre").SaveAsync();
        var recused = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).With(e => e.Title = "Écrans en famille").SaveAsync();
        var secretariatEmail = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(secretariatEmail, Roles.Secretariat);
        var jurorEmail = $"juror-{Guid.NewGuid():N}@jury.example.net";

        var secretariat = await host.NewPageAsync();
        await host.SignInAsync(secretariat, secretariatEmail);
        await secretariat.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Jury", Exact = true }).ClickAsync();
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Invite a juror" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(secretariat);
        await secretariat.GetByLabel("Full name").FillAsync("Léa Moreau");
        await secretariat.GetByLabel("E-mail address").FillAsync(jurorEmail);
        await secretariat.GetByLabel("French").CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("The invitation is on its way.");
        await AssertNoSeriousViolationsAsync(secretariat);
        await ScreenshotAsync(secretariat, "jury-list");

        var link = MailFolder.LinkIn(await host.App.Mail.WaitForMessageTo(jurorEmail), "/jury/invitations/");
        var juror = await host.NewPageAsync("fr-FR", new() { Width = 390, Height = 844 });
        await juror.GotoAsync(host.BaseUrl + link);
        await Assertions.Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "Invitation au jury" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(juror);
        await juror.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(TestClient.DefaultPassword);
        await juror.GetByLabel("Saisissez à nouveau le mot de passe").FillAsync(TestClient.DefaultPassword);
        await juror.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte et accepter" }).ClickAsync();
        await Assertions.Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "Avant de lire les candidatures" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(juror);

        await juror.GetByRole(AriaRole.Link, new() { Name = "Mon profil de juré(e)" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(juror);
        await juror.GetByLabel("Organisation 1").FillAsync("Fédération Addiction");
        await juror.GetByRole(AriaRole.Group, new() { Name = "Langues dans lesquelles vous lisez les candidatures" }).GetByLabel("français").CheckAsync();
        await juror.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon profil" }).ClickAsync();
        await Assertions.Expect(juror.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre profil a été enregistré.");

        await juror.GetByRole(AriaRole.Link, new() { Name = "Déclaration d'intérêts et de confidentialité" }).ClickAsync();
        await AssertNoSeriousViolationsAsync(juror);
        await juror.GetByRole(AriaRole.Button, new() { Name = "Signer la déclaration" }).ClickAsync();
        await Assertions.Expect(juror.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(juror.Locator(".error-summary")).ToContainTextAsync("Cochez la case pour accepter la déclaration.");
        await juror.GetByLabel("J'ai lu la déclaration ci-dessus et je l'accepte.").CheckAsync();
        await juror.GetByRole(AriaRole.Button, new() { Name = "Signer la déclaration" }).ClickAsync();
        await Assertions.Expect(juror.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre déclaration est signée.");
        await AssertNoSeriousViolationsAsync(juror);
        await ScreenshotAsync(juror, "juror-entries-phone");

        await juror.GetByRole(AriaRole.Link, new() { Name = $"{read.Reference} — Jouer sans se perdre" }).ClickAsync();
        await Assertions.Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "Avez-vous un conflit avec cette candidature ?" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(juror);
        await juror.GetByRole(AriaRole.Button, new() { Name = "Je n'ai aucun conflit avec cette candidature" }).ClickAsync();
        await Assertions.Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "Description de la pratique" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(juror);
        await ScreenshotAsync(juror, "juror-blind-entry-phone");

        await juror.GotoAsync($"{host.BaseUrl}/jury/{call.Code}/entries/{recused.Reference}");
        await juror.GetByLabel("Nature du conflit").SelectOptionAsync("Family");
        await juror.GetByLabel("Motif").FillAsync("Ma sœur travaille dans cette association.");
        await juror.GetByLabel("Motif").PressAsync("Tab");
        await juror.Keyboard.PressAsync("Enter");
        await Assertions.Expect(juror.GetByRole(AriaRole.Status)).ToContainTextAsync("elle ne figure plus dans votre liste");
        await Assertions.Expect(juror.GetByRole(AriaRole.Link, new() { Name = $"{recused.Reference} — Écrans en famille" })).ToHaveCountAsync(0);

        await secretariat.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}/conflicts");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Cell, new() { Name = "Recusal" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(secretariat);
        await ScreenshotAsync(secretariat, "conflict-matrix");
    }
}
