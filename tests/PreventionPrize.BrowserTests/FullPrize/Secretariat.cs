using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Time;

namespace PreventionPrize.BrowserTests.FullPrize;

/// <summary>The Secretariat at its desk, reading in English: every step goes through the pages and buttons it would use.</summary>
public sealed partial class Secretariat(Journey journey, IPage page) : Actor(journey, page, "en")
{
    public string Code { get; private set; } = "";
    public int RoundId { get; private set; }

    /// <summary>The first Secretariat account is made on the server (the <c>create-secretariat</c> verb); then it signs in like anyone.</summary>
    public static async Task<Secretariat> SignsInAsync(Journey journey)
    {
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await journey.App.CreateUserAsync(email, Roles.Secretariat);
        var secretariat = new Secretariat(journey, await journey.NewBrowserAsync("en"));
        await secretariat.SignsInAsync(email);
        return secretariat;
    }

    public async Task CreatesCallAsync(string code, string titleEn, string titleFr, DateTime closesAtUtc)
    {
        Code = code;
        await PressAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Calls", Exact = true }));
        await FollowAsync("Create a call", "");
        await Main.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await Main.GetByLabel("Title (English)").FillAsync(titleEn);
        await Main.GetByLabel("Title (French)").FillAsync(titleFr);
        await Main.GetByLabel("Description (English)").FillAsync("Practices that prevent harm from gaming, gambling and life online, led with young people.");
        await Main.GetByLabel("Description (French)").FillAsync("Des pratiques qui préviennent les risques du jeu et de la vie en ligne, menées avec les jeunes.");
        var now = Journey.App.Clock.GetUtcNow().UtcDateTime;
        await Main.GetByLabel("Opens at").FillAsync(Local(now.AddDays(-1)));
        await Main.GetByLabel("Closes at (deadline)").FillAsync(Local(closesAtUtc));
        await CheckedAsync("call-form");
        await PressButtonAsync("Create the call as a draft", "");
        await Assertions.Expect(Status).ToContainTextAsync("The call was created as a draft.");
    }

    public async Task OpensTheCallAsync()
    {
        await PressButtonAsync("Open the call (publish)", "");
        await Assertions.Expect(Status).ToContainTextAsync("The call is open and published.");
        await CheckedAsync("call-open");
    }

    public async Task ClosesTheCallAsync()
    {
        await GoToAsync($"/secretariat/calls/{Code}");
        await PressButtonAsync("Close the call now", "");
        await Assertions.Expect(Status).ToContainTextAsync("The call is closed.");
        await CheckedAsync();
    }

    public async Task ScreensAsEligibleAsync(string reference)
    {
        await GoToAsync($"/secretariat/calls/{Code}");
        await FollowAsync("Entries and screening", "");
        await CheckedAsync(reference.EndsWith("-0001", StringComparison.Ordinal) ? "screening-list" : null);
        var table = Main.GetByRole(AriaRole.Table, new() { Name = $"Entries of {Code}, with the filters above" });
        await PressAsync(table.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Entry {reference}" })).ToBeVisibleAsync();
        await CheckedAsync();
        await Main.GetByRole(AriaRole.Group, new() { Name = "Is this entry eligible?" }).GetByLabel("Eligible", new() { Exact = true }).CheckAsync();
        await PressButtonAsync("Record the decision and inform the applicant", "");
        await Assertions.Expect(Status).ToContainTextAsync("Decision recorded.");
        await CheckedAsync();
    }

    public async Task InvitesJurorAsync(string name, string email, string language)
    {
        await GoToAsync($"/secretariat/calls/{Code}");
        await FollowAsync("Jury", "", exact: true);
        await FollowAsync("Invite a juror", "");
        await CheckedAsync();
        await Main.GetByLabel("Full name").FillAsync(name);
        await Main.GetByLabel("E-mail address").FillAsync(email);
        await Main.GetByRole(AriaRole.Group, new() { Name = "Language of the e-mails" }).GetByLabel(language == "fr" ? "French" : "English").CheckAsync();
        await PressButtonAsync("Send the invitation", "");
        await Assertions.Expect(Status).ToContainTextAsync("The invitation is on its way.");
        await CheckedAsync(language == "fr" ? "jury-invited" : null);
    }

    /// <summary>An optimised round: the solver gives each entry <paramref name="jurorsPerEntry"/> jurors, none more than <paramref name="mostPerJuror"/> entries.</summary>
    public async Task CreatesOptimisedRoundAsync(int jurorsPerEntry, int mostPerJuror)
    {
        await GoToAsync($"/secretariat/calls/{Code}");
        await FollowAsync("Judging rounds", "");
        await FollowAsync("New round", "");
        await CheckedAsync();
        await Main.GetByLabel("Optimised assignment: a set number of jurors per entry").CheckAsync();
        await Main.GetByLabel("Jurors per entry", new() { Exact = true }).FillAsync(jurorsPerEntry.ToString());
        await Main.GetByLabel("Most entries per juror").FillAsync(mostPerJuror.ToString());
        await PressButtonAsync("Create the round", "");
        await Assertions.Expect(Status).ToContainTextAsync("The round is created.");
        RoundId = int.Parse(RoundUrl().Match(Page.Url).Groups[1].Value);
    }

    public async Task ComputesTheAssignmentAsync(int pairs)
    {
        await PressButtonAsync("Compute the assignment", "");
        await Assertions.Expect(Status).ToContainTextAsync("The assignment is computed.");
        await Assertions.Expect(Main.GetByRole(AriaRole.Table, new() { Name = "Pairs and why they were chosen" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + pairs);
        await CheckedAsync("round-assignment");
    }

    public async Task PublishesTheRoundAsync()
    {
        await PressButtonAsync("Publish and tell the jurors", "");
        await Assertions.Expect(Status).ToContainTextAsync("The round is published and each juror is told.");
        await CheckedAsync();
    }

    /// <summary>After a recusal: keep every pair that stands, fill the open place, and tell the jurors again.</summary>
    public async Task RepairsAndPublishesAgainAsync(int pairs)
    {
        await GoToAsync($"/secretariat/rounds/{RoundId}");
        await PressButtonAsync("Repair: fill only the open places", "");
        await Assertions.Expect(Status).ToContainTextAsync("The assignment is repaired");
        await Assertions.Expect(Main.GetByRole(AriaRole.Table, new() { Name = "Pairs and why they were chosen" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + pairs);
        await CheckedAsync("round-repaired");
        await PressButtonAsync("Publish again and tell the jurors", "");
        await Assertions.Expect(Status).ToContainTextAsync("The round is published and each juror is told.");
    }

    public async Task ClosesTheRoundAsync(int sheets)
    {
        await GoToAsync($"/secretariat/rounds/{RoundId}");
        await FollowAsync("Completion and closing", "");
        await Assertions.Expect(Main.GetByText($"{sheets} of {sheets}").First).ToBeVisibleAsync();
        await CheckedAsync("round-complete");
        await PressButtonAsync("Close the round", "");
        await Assertions.Expect(Status).ToContainTextAsync("The round is closed");
        await CheckedAsync();
    }

    /// <summary>The ranking, the calibrated scores (leniency removed) and the agreement between jurors.</summary>
    public async Task ReadsTheResultsAsync(params string[] referencesInRankOrder)
    {
        await GoToAsync($"/secretariat/rounds/{RoundId}");
        await FollowAsync("Results", "", exact: true);
        var ranking = Main.GetByRole(AriaRole.Table, new() { Name = "Entries by raw rank" });
        for (var i = 0; i < referencesInRankOrder.Length; i++)
            await Assertions.Expect(ranking.GetByRole(AriaRole.Row).Nth(i + 1)).ToContainTextAsync(referencesInRankOrder[i]);
        await Assertions.Expect(Main.GetByRole(AriaRole.Img, new() { Name = "Raw rank against calibrated rank" })).ToBeVisibleAsync();
        await Assertions.Expect(Main.GetByRole(AriaRole.Heading, new() { Name = "Agreement between jurors" })).ToBeVisibleAsync();
        await CheckedAsync("results");
    }

    public async Task RecordsDecisionAsync(string reference, string outcome, string rationale)
    {
        if (!Page.Url.EndsWith("/decisions", StringComparison.Ordinal))
        {
            await GoToAsync($"/secretariat/calls/{Code}");
            await FollowAsync("Decisions and release", "");
        }
        var card = Main.Locator("section.card", new() { HasText = reference });
        await card.GetByLabel("Outcome").SelectOptionAsync(outcome);
        await card.GetByLabel("The jury's rationale").FillAsync(rationale);
        await PressAsync(card.GetByRole(AriaRole.Button, new() { Name = $"Record the decision {reference}" }));
        await Assertions.Expect(Status).ToContainTextAsync("The decision is recorded");
        await CheckedAsync();
    }

    /// <summary>The ceremony, in Strasbourg time: until then nobody but the Secretariat sees a decision.</summary>
    public async Task SetsTheReleaseAtAsync(DateTime ceremonyUtc)
    {
        await Main.GetByLabel("Release instant (Strasbourg time)").FillAsync(Local(ceremonyUtc));
        await PressButtonAsync("Set the release instant", "");
        await Assertions.Expect(Status).ToContainTextAsync("The release instant is saved.");
        await CheckedAsync("decisions");
    }

    private static string Local(DateTime utc) => Strasbourg.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm");

    [GeneratedRegex(@"/secretariat/rounds/(\d+)")]
    private static partial Regex RoundUrl();
}
