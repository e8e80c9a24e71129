using Microsoft.Playwright;

namespace PreventionPrize.BrowserTests.FullPrize;

/// <summary>A juror: from the invitation e-mail to a ready account, then the entries the round gives them.</summary>
public sealed class Juror(Journey journey, IPage page, string language, string email, string code, bool phone)
    : Actor(journey, page, language, phone)
{
    public string Email { get; } = email;

    /// <summary>Opens the link in the invitation e-mail and accepts by choosing a password: the account is made there.</summary>
    public static async Task<Juror> AcceptsInvitationAsync(Journey journey, string email, string language, string code, bool phone = false)
    {
        var invitation = await journey.MailToAsync(email, language == "fr" ? "invité(e)" : "invited to the jury");
        var juror = new Juror(journey, await journey.NewBrowserAsync(language, phone), language, email, code, phone);
        await juror.GoToAsync(MailFolder.LinkIn(invitation, "/jury/invitations/"));
        await Assertions.Expect(juror.Page.GetByRole(AriaRole.Heading, new() { Name = juror.T("Invitation to the jury", "Invitation au jury") })).ToBeVisibleAsync();
        await juror.CheckedAsync(language == "fr" ? "juror-invitation-fr-phone" : null);
        await juror.Main.GetByLabel(juror.T("Password", "Mot de passe"), new() { Exact = true }).FillAsync(TestClient.DefaultPassword);
        await juror.Main.GetByLabel(juror.T("Type the password again", "Saisissez à nouveau le mot de passe")).FillAsync(TestClient.DefaultPassword);
        await juror.PressButtonAsync("Create my account and accept", "Créer mon compte et accepter");
        await Assertions.Expect(juror.Page.GetByRole(AriaRole.Heading, new() { Name = juror.T("Before you read the entries", "Avant de lire les candidatures") })).ToBeVisibleAsync();
        await juror.CheckedAsync();
        return juror;
    }

    /// <summary>Where they work (so the platform can keep conflicted entries from them) and the languages they read.</summary>
    public async Task FillsProfileAsync(string organisation)
    {
        await FollowAsync("My juror profile", "Mon profil de juré(e)");
        await CheckedAsync();
        await Main.GetByLabel("Organisation 1").FillAsync(organisation);
        var reads = Main.GetByRole(AriaRole.Group, new() { Name = T("Languages you read entries in", "Langues dans lesquelles vous lisez les candidatures") });
        await reads.GetByLabel(T("English", "anglais"), new() { Exact = true }).CheckAsync();
        await reads.GetByLabel(T("French", "français"), new() { Exact = true }).CheckAsync();
        await PressButtonAsync("Save my profile", "Enregistrer mon profil");
        await Assertions.Expect(Status).ToContainTextAsync(T("Your profile was saved.", "Votre profil a été enregistré."));
    }

    public async Task SignsTheDeclarationAsync()
    {
        await FollowAsync("Declaration of interests and confidentiality", "Déclaration d'intérêts et de confidentialité");
        await CheckedAsync(Language == "fr" ? "juror-declaration-fr-phone" : null);
        await Main.GetByLabel(T("I have read the declaration above and I accept it.", "J'ai lu la déclaration ci-dessus et je l'accepte.")).CheckAsync();
        await PressButtonAsync("Sign the declaration", "Signer la déclaration");
        await Assertions.Expect(Status).ToContainTextAsync(T("Your declaration is signed.", "Votre déclaration est signée."));
        await CheckedAsync();
    }

    /// <summary>Follows the link in the e-mail that says the round's entries are ready; returns the references on their list.</summary>
    public async Task<IReadOnlyList<string>> OpensTheirEntriesAsync(int publication = 1)
    {
        var subject = T("your entries for", "vos candidatures pour");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Journey.App.Mail.To(Email).Count(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)) < publication && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await GoToAsync(MailFolder.LinkIn(await Journey.MailToAsync(Email, subject), $"/jury/{code}"));
        await CheckedAsync();
        var links = await Main.Locator($"ul.links a[href^='/jury/{code}/entries/']").AllAsync();
        var references = new List<string>();
        foreach (var link in links) references.Add((await link.GetAttributeAsync("href"))!.Split('/')[^1]);
        return references;
    }

    /// <summary>
    /// The first time a juror opens an entry they see only its title and summary and are asked about conflicts; a juror
    /// who recognises the project steps away there, before reading more.
    /// </summary>
    public async Task RecusesAtFirstSightAsync(string reference, string kind, string reason)
    {
        await PressAsync(Main.GetByRole(AriaRole.Link, new() { Name = reference }));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = T("Do you have a conflict with this entry?", "Avez-vous un conflit avec cette candidature ?") })).ToBeVisibleAsync();
        await CheckedAsync("juror-first-sight");
        await Main.GetByLabel(T("Kind of conflict", "Nature du conflit")).SelectOptionAsync(kind);
        await Main.GetByLabel(T("Reason", "Motif"), new() { Exact = true }).FillAsync(reason);
        await PressButtonAsync("Step away", "Me retirer");
        await Assertions.Expect(Status).ToContainTextAsync(T("it is no longer on your list", "elle ne figure plus dans votre liste"));
        await Assertions.Expect(Main.GetByRole(AriaRole.Link, new() { Name = reference })).ToHaveCountAsync(0);
        await CheckedAsync();
    }

    /// <summary>Confirms no conflict, reads the blind entry, gives every criterion <paramref name="level"/> and submits.</summary>
    public async Task ScoresAsync(string reference, int level, string feedback, string? screenshot = null)
    {
        await GoToAsync($"/jury/{code}");
        await PressAsync(Main.GetByRole(AriaRole.Link, new() { Name = reference }));
        await PressButtonAsync("I have no conflict with this entry", "Je n'ai aucun conflit avec cette candidature");
        await CheckedAsync(screenshot is null ? null : screenshot + "-entry");
        await FollowAsync("Score this entry", "Noter cette candidature");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = T($"Scoring {reference}", $"Noter {reference}") })).ToBeVisibleAsync();
        foreach (var criterion in await Main.Locator("fieldset.criterion").AllAsync())
        {
            var choice = criterion.GetByRole(AriaRole.Radio).Nth(level - 1);
            await PressAsync(choice);
            await Assertions.Expect(choice).ToBeCheckedAsync();
        }
        await Main.GetByLabel(T("Feedback for the applicant (optional)", "Retour pour le candidat (facultatif)")).FillAsync(feedback);
        await CheckedAsync(screenshot is null ? null : screenshot + "-sheet");
        await PressButtonAsync("Submit my scores", "Soumettre mes notes");
        await Assertions.Expect(Status).ToContainTextAsync(T("Your scores are submitted.", "Vos notes sont soumises."));
    }

    public async Task SeesAllScoredAsync(int count)
    {
        await GoToAsync($"/jury/{code}");
        await Assertions.Expect(Main.GetByText(T($"{count} of {count} scored", $"{count} sur {count} notées"))).ToBeVisibleAsync();
        await CheckedAsync(Language == "fr" ? "juror-all-scored-fr-phone" : null);
    }
}
