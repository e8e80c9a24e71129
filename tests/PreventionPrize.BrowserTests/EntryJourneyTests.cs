using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>An applicant's entry in a real browser: eligibility, autosave across a lost connection and a return visit, submission, receipt.</summary>
public sealed class EntryJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<Call> OpenCallAsync()
    {
        var now = host.App.Clock.GetUtcNow().UtcDateTime;
        var code = "BJ-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var call = new Call
        {
            Code = code, TitleEn = $"Digital Prevention Prize {code}", TitleFr = $"Prix de la prévention numérique {code}",
            DescriptionEn = "Projects against digital harms.", DescriptionFr = "Des projets contre les risques numériques.",
            OpensAtUtc = now.AddDays(-5), ClosesAtUtc = now.AddDays(12), GraceMinutes = 10,
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All],
            Status = CallStatus.Open, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        await host.App.WithDbAsync(async db => { db.Calls.Add(call); return await db.SaveChangesAsync(); });
        return call;
    }

    private async Task<(IPage Page, string Email)> SignedInApplicantAsync(string locale)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(email, Roles.Applicant, language: locale[..2]);
        var page = await host.NewPageAsync(locale);
        await host.SignInAsync(page, email);
        return (page, email);
    }

    private static async Task AnswerEligibilityAsync(IPage page, string language)
    {
        await page.Locator("input[name=FormalStructure][value=true]").CheckAsync();
        await page.Locator("input[name=YouthActivelyInvolved][value=true]").CheckAsync();
        await page.Locator("input[name=ProjectState][value=Running]").CheckAsync();
        await page.SelectOptionAsync("#Country", "FR");
        await page.Locator($"input[name=Language][value={language}]").CheckAsync();
        await AssertNoSeriousViolationsAsync(page);
        await page.Locator("main button[type=submit]").ClickAsync();
    }

    private static async Task FillTheRestAsync(IPage page)
    {
        await page.FillAsync("#OrganisationName", "Jeunesse Numérique");
        await page.SelectOptionAsync("#OrganisationType", "NGO");
        await page.FillAsync("#ContactName", "Camille Martin");
        await page.FillAsync("#TeamMembers_0__Name", "Yusuf Demir");
        await page.FillAsync("#TeamMembers_0__Email", "yusuf@example.org");
        await page.FillAsync("#TeamMembers_0__Role", "Mentor");
        await page.FillAsync("#FormalStructureEvidenceUrl", "https://registry.example/123");
        await page.FillAsync("#Description", "Young mentors lead sessions about in-game spending.");
        await page.FillAsync("#YouthInvolvement", "Mentors co-design every session.");
        await page.FillAsync("#ParticipantsUnder25", "120");
        await page.FillAsync("#ParticipantsUnder18", "80");
        await page.FillAsync("#Adults", "6");
        await page.Locator("input[name=DigitalBehaviours][value=gaming]").CheckAsync();
        await page.Locator("input[name=TargetGroups][value=adolescents]").CheckAsync();
        await page.FillAsync("#StartDate", "2024-09-01");
        await page.Locator("#Ongoing").CheckAsync();
        await page.FillAsync("#Evaluation", "Questionnaires before and after.");
        await page.FillAsync("#HumanRights", "Free and accessible sessions.");
        await page.FillAsync("#Replication", "Two mentors and a room.");
        await page.Locator("#DeclarationTrue").CheckAsync();
    }

    [Fact]
    public async Task An_applicant_keeps_typing_through_a_lost_connection_comes_back_later_and_submits()
    {
        var call = await OpenCallAsync();
        var (page, email) = await SignedInApplicantAsync("en-GB");

        await page.GotoAsync($"{host.BaseUrl}/calls/{call.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply: check eligibility and start an entry" }).ClickAsync();
        await AnswerEligibilityAsync(page, "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your project qualifies");

        await page.FillAsync("#Title", "Level Up Together");
        await page.FillAsync("#Summary", "Peer mentors run gaming nights: l'esprit d'équipe, peut-être ?");
        await Assertions.Expect(page.Locator("#Summary-count")).ToHaveTextAsync("8 of 100 words");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Saved at", new() { Timeout = 15000 });
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "entry-form-en");

        // The connection drops: the text stays in the browser and the applicant is told.
        await page.Context.SetOfflineAsync(true);
        await page.FillAsync("#Description", "Typed while offline.");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("the connection is lost", new() { Timeout = 15000 });
        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Saved at", new() { Timeout = 15000 });

        // Leave, come back later through "My entries": everything typed is there.
        await page.GotoAsync(host.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My entries" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Level Up Together" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync("Level Up Together");
        await Assertions.Expect(page.Locator("#Description")).ToHaveValueAsync("Typed while offline.");

        // A PDF joins the entry, with a progress bar, without leaving the page.
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "evaluation-report.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf(filler: 200_000),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "evaluation-report.pdf" })).ToBeVisibleAsync();

        await FillTheRestAsync(page);
        await page.Locator("button[data-submit]").ClickAsync();
        var reference = $"{call.Code}-0001";
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Its reference is {reference}");
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "entry-submitted-en");
        var receipt = await host.App.Mail.WaitForMessageTo(email);
        Assert.Contains(reference, receipt.Subject);
        Assert.Contains("evaluation-report.pdf", receipt.TextBody);
        Assert.Contains("SHA-256", receipt.TextBody);
    }

    [Fact]
    public async Task Submitting_while_an_autosave_is_on_its_way_is_not_taken_for_someone_elses_change()
    {
        var call = await OpenCallAsync();
        var (page, _) = await SignedInApplicantAsync("en-GB");
        await page.GotoAsync($"{host.BaseUrl}/calls/{call.Code}/apply");
        await AnswerEligibilityAsync(page, "en");
        await page.FillAsync("#Title", "Level Up Together");
        await page.FillAsync("#Summary", "Peer mentors run gaming nights.");
        await FillTheRestAsync(page);
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Saved at", new() { Timeout = 15000 });

        // The next autosave reaches the server, which saves it (a new version of the entry), but its answer is slow
        // to come back, as on a busy network; the applicant presses Submit meanwhile.
        var saved = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/autosave", async route =>
        {
            var response = await route.FetchAsync();
            saved.TrySetResult();
            await release.Task;
            await route.FulfillAsync(new() { Response = response });
        });
        await page.FillAsync("#Replication", "Two mentors, a room and snacks.");
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await page.Locator("button[data-submit]").ClickAsync();
        release.SetResult();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Its reference is {call.Code}-0001");
        var entry = await host.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Entries, e => e.CallId == call.Id));
        Assert.Equal("Two mentors, a room and snacks.", entry.Replication);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Fact]
    public async Task A_French_team_applies_in_French_is_shown_its_mistakes_and_gets_a_French_receipt()
    {
        var call = await OpenCallAsync();
        var (page, email) = await SignedInApplicantAsync("fr-FR");

        await page.GotoAsync($"{host.BaseUrl}/calls/{call.Code}/apply");
        await AnswerEligibilityAsync(page, "fr");
        await page.FillAsync("#Title", "Ensemble en jeu");
        await page.FillAsync("#Summary", "Des pairs animent des soirées de jeu.");
        await page.Locator("button[data-submit]").ClickAsync();

        // Every problem is listed, linked to its field; following a link puts the focus on the field.
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "entry-errors-fr");
        await page.Locator(".error-summary a[href='#OrganisationName']").ClickAsync();
        await Assertions.Expect(page.Locator("#OrganisationName")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync("Ensemble en jeu");

        // Leave, come back through "Mes candidatures": the draft kept what was typed; the evidence goes in as a PDF.
        await page.GotoAsync(host.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes candidatures" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ensemble en jeu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Summary")).ToHaveValueAsync("Des pairs animent des soirées de jeu.");
        await page.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "statuts-association.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf(),
        });
        await page.SelectOptionAsync("select[name=purpose]", "FormalStructureEvidence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "statuts-association.pdf" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        await FillTheRestAsync(page);
        await page.Locator("button[data-submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Sa référence est {call.Code}-0001");
        var receipt = await host.App.Mail.WaitForMessageTo(email);
        Assert.Contains("reçue", receipt.Subject);
        Assert.Contains("Ensemble en jeu", receipt.TextBody);
        Assert.Contains("statuts-association.pdf", receipt.TextBody);
    }

    [Fact]
    public async Task The_live_word_counter_counts_exactly_like_the_server()
    {
        var call = await OpenCallAsync();
        var (page, _) = await SignedInApplicantAsync("en-GB");
        await page.GotoAsync($"{host.BaseUrl}/calls/{call.Code}/apply");
        await AnswerEligibilityAsync(page, "en");
        await page.WaitForFunctionAsync("() => window.PreventionPrize !== undefined");
        string[] samples =
        [
            "", "   ", "one", "Two words", "l'enfant joue : c'est peut-être trop ?", "« Bonjour » — dit-il ; ça va ?",
            "Line one\nline two\r\n\tthree", "2024 was 100% better… really!", "naïve café co-op", "!!! ??? ...",
            "Espace\u00A0insécable et\u202Ffine", "emoji 🎮 gaming 🎲", "URLs: https://example.org/a-b and e@mail.example",
        ];
        foreach (var sample in samples)
        {
            var inBrowser = await page.EvaluateAsync<int>("text => window.PreventionPrize.countWords(text)", sample);
            Assert.True(WordCount.Count(sample) == inBrowser, $"server {WordCount.Count(sample)} vs browser {inBrowser} for \"{sample}\"");
        }
    }
}
