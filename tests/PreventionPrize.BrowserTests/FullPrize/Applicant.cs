using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.BrowserTests.FullPrize;

/// <summary>What a team tells about its project; the rest of the form is filled with plausible answers.</summary>
public sealed record Project(string Title, string Summary, string Organisation, string Behaviour);

/// <summary>A team applying to the call: an account (new or existing), the eligibility questions, the entry form.</summary>
public sealed class Applicant(Journey journey, IPage page, string language, string email) : Actor(journey, page, language)
{
    public string Email { get; } = email;

    /// <summary>A newcomer: creates an account, confirms it from the e-mail, signs in.</summary>
    public static async Task<Applicant> RegistersAsync(Journey journey, string email)
    {
        var applicant = new Applicant(journey, await journey.NewBrowserAsync("en"), "en", email);
        await applicant.RegisterAsync();
        return applicant;
    }

    /// <summary>Someone who applied before and has an account.</summary>
    public static async Task<Applicant> SignsInAsync(Journey journey, string email)
    {
        await journey.App.CreateUserAsync(email, Roles.Applicant);
        var applicant = new Applicant(journey, await journey.NewBrowserAsync("en"), "en", email);
        await applicant.SignsInAsync(email);
        return applicant;
    }

    private async Task RegisterAsync()
    {
        const string password = "a long and memorable sentence";
        await GoToAsync("/");
        await CheckedAsync("home");
        await PressAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First);
        await CheckedAsync();
        await Main.GetByLabel("E-mail address").FillAsync(Email);
        await Main.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Main.GetByLabel("Type the password again").FillAsync(password);
        await PressButtonAsync("Create my account", "");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await CheckedAsync();

        await GoToAsync(MailFolder.LinkIn(await Journey.App.Mail.WaitForMessageTo(Email), "/account/confirm"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your e-mail address is confirmed" })).ToBeVisibleAsync();
        await CheckedAsync();
        await PressAsync(Main.GetByRole(AriaRole.Link, new() { Name = "Sign in" }));
        await Main.GetByLabel("E-mail address").FillAsync(Email);
        await Main.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await PressButtonAsync("Sign in", "", exact: true);
        await Assertions.Expect(Page.GetByText(Email)).ToBeVisibleAsync();
    }

    /// <summary>From the home page to the call, through eligibility, to a submitted entry with its reference and its receipt.</summary>
    public async Task SubmitsEntryAsync(string callTitle, Project project, string reference)
    {
        await GoToAsync("/");
        await PressAsync(Main.Locator(".card", new() { HasText = callTitle }).GetByRole(AriaRole.Link).First);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = callTitle })).ToBeVisibleAsync();
        await CheckedAsync();
        await FollowAsync("Apply: check eligibility and start an entry", "Candidater : vérifier l'éligibilité et commencer une candidature");

        await Page.Locator("input[name=FormalStructure][value=true]").CheckAsync();
        await Page.Locator("input[name=YouthActivelyInvolved][value=true]").CheckAsync();
        await Page.Locator("input[name=ProjectState][value=Running]").CheckAsync();
        await Page.SelectOptionAsync("#Country", "FR");
        await Page.Locator($"input[name=Language][value={Language}]").CheckAsync();
        await CheckedAsync(Language == "fr" ? "eligibility-fr" : null);
        await PressAsync(Main.Locator("button[type=submit]"));
        await Assertions.Expect(Status).ToContainTextAsync(T("Your project qualifies", "Votre projet est éligible"));

        await Page.FillAsync("#Title", project.Title);
        await Page.FillAsync("#Summary", project.Summary);
        await Page.FillAsync("#OrganisationName", project.Organisation);
        await Page.SelectOptionAsync("#OrganisationType", "NGO");
        await Page.FillAsync("#ContactName", "Camille Martin");
        await Page.FillAsync("#TeamMembers_0__Name", "Yusuf Demir");
        await Page.FillAsync("#TeamMembers_0__Email", "yusuf@example.org");
        await Page.FillAsync("#TeamMembers_0__Role", T("Mentor", "Animateur"));
        await Page.FillAsync("#FormalStructureEvidenceUrl", "https://registry.example/123");
        await Page.FillAsync("#Description", T("Young mentors lead sessions with their peers.", "De jeunes animateurs mènent des ateliers avec leurs pairs."));
        await Page.FillAsync("#YouthInvolvement", T("Mentors co-design every session.", "Les animateurs conçoivent chaque séance."));
        await Page.FillAsync("#ParticipantsUnder25", "120");
        await Page.FillAsync("#ParticipantsUnder18", "80");
        await Page.FillAsync("#Adults", "6");
        await Page.Locator($"input[name=DigitalBehaviours][value={project.Behaviour}]").CheckAsync();
        await Page.Locator("input[name=TargetGroups][value=adolescents]").CheckAsync();
        await Page.FillAsync("#StartDate", "2024-09-01");
        await Page.Locator("#Ongoing").CheckAsync();
        await Page.FillAsync("#Evaluation", T("Questionnaires before and after.", "Questionnaires avant et après."));
        await Page.FillAsync("#HumanRights", T("Free and accessible sessions.", "Des séances gratuites et accessibles."));
        await Page.FillAsync("#Replication", T("Two mentors and a room.", "Deux animateurs et une salle."));
        await Page.Locator("#ConsentToPublication").CheckAsync();
        await Page.Locator("#DeclarationTrue").CheckAsync();
        await CheckedAsync(Language == "fr" ? "entry-form-fr" : null);

        await PressAsync(Page.Locator("button[data-submit]"));
        await Assertions.Expect(Status).ToContainTextAsync(T($"Its reference is {reference}", $"Sa référence est {reference}"));
        await CheckedAsync(Language == "fr" ? "entry-submitted-fr" : null);
        await Journey.MailToAsync(Email, reference);
    }

    /// <summary>The result e-mail the release sends, in the applicant's language.</summary>
    public Task<MimeKit.MimeMessage> IsToldAsync(string subject) => Journey.MailToAsync(Email, subject);
}
