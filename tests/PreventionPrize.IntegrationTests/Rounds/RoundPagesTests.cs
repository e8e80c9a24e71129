using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>The Secretariat's round pages: creating a round, reading it in both languages, and the form's refusals.</summary>
public sealed class RoundPagesTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    private Task<int> RoundCountAsync(int callId) => app.WithDbAsync(db => db.Rounds.CountAsync(r => r.CallId == callId));

    [Fact]
    public async Task Creating_a_round_through_the_form_leads_to_its_page_with_the_settings_typed()
    {
        var call = await _given.CallAsync();
        using var secretariat = await _given.SecretariatAsync();

        var created = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/rounds/new",
        [
            new("NameEn", "Longlist"), new("NameFr", "Présélection"), new("ScoringDeadlineLocal", "2031-03-14T18:00"),
            new("Mode", nameof(AssignmentMode.Optimised)), new("JurorsPerEntry", "2"), new("MinLoad", "1"), new("MaxLoad", "7"), new("MaxJurorsPerCountry", "1"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Matches(@"^/secretariat/rounds/\d+$", created.Location);
        var round = await app.WithDbAsync(db => db.Rounds.SingleAsync(r => r.CallId == call.Id));
        Assert.Equal($"/secretariat/rounds/{round.Id}", created.Location);
        Assert.Equal(("Longlist", "Présélection", 1, RoundStatus.Draft), (round.NameEn, round.NameFr, round.Number, round.Status));
        Assert.Equal((AssignmentMode.Optimised, 2, 1, 7, (int?)1), (round.Mode, round.JurorsPerEntry, round.MinLoad, round.MaxLoad, round.MaxJurorsPerCountry));
        // 18:00 in Strasbourg in March (CET, UTC+1) is 17:00 UTC.
        Assert.Equal(new DateTime(2031, 3, 14, 17, 0, 0, DateTimeKind.Utc), round.ScoringDeadlineUtc);

        var page = await secretariat.GetAsync(created.Location!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The round is created.", RoundScenario.Flash(page));
        Assert.Contains("1. Longlist", page.Document.QuerySelector("h1")!.TextContent);
        var list = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/rounds");
        Assert.NotNull(list.Document.QuerySelector($"a[href='/secretariat/rounds/{round.Id}']"));
    }

    [Fact]
    public async Task The_round_pages_read_in_English_and_in_French()
    {
        var call = await _given.CallAsync();
        await _given.EntryAsync(call);
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call, ("NameEn", "First round"), ("NameFr", "Premier tour"));

        var english = await secretariat.GetAsync(RoundScenario.RoundUrl(roundId));
        var englishNew = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/rounds/new");
        await secretariat.SwitchLanguageAsync("fr");
        var french = await secretariat.GetAsync(RoundScenario.RoundUrl(roundId));
        var frenchNew = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/rounds/new");
        var frenchList = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/rounds");

        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("1. First round", english.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Settings, entries and jurors", english.Text);
        Assert.DoesNotContain("Paramètres, candidatures et juré(e)s", english.Text);
        Assert.Equal("New round", englishNew.Document.QuerySelector("h1")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.OK, french.Status);
        Assert.Contains("1. Premier tour", french.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Paramètres, candidatures et juré(e)s", french.Text);
        Assert.Contains("Attribution", french.Text);
        Assert.DoesNotContain("Settings, entries and jurors", french.Text);
        Assert.Equal("Nouveau tour", frenchNew.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Tours d'évaluation de {call.Code}", frenchList.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_most_load_below_the_fewest_is_refused_and_the_form_comes_back_with_the_message()
    {
        var call = await _given.CallAsync();
        using var secretariat = await _given.SecretariatAsync();

        var refused = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/rounds/new", [new("MinLoad", "8"), new("MaxLoad", "5")]);
        var accepted = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/rounds/new", [new("MinLoad", "5"), new("MaxLoad", "5")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The most entries per juror cannot be fewer than the fewest.", refused.Errors);
        Assert.Equal("8", refused.ValueOf("MinLoad"));
        Assert.Equal("5", refused.ValueOf("MaxLoad"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(1, await RoundCountAsync(call.Id));
    }

    [Fact]
    public async Task Empty_names_are_refused_with_a_message_for_each()
    {
        var call = await _given.CallAsync();
        using var secretariat = await _given.SecretariatAsync();

        var refused = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/rounds/new", [new("NameEn", "  "), new("NameFr", "")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Name in English: this field is required.", refused.Errors);
        Assert.Contains("Name in French: this field is required.", refused.Errors);
        Assert.Equal(0, await RoundCountAsync(call.Id));
        Assert.NotNull(refused.Document.QuerySelector($"form[action='/secretariat/calls/{call.Code}/rounds/new']"));
    }

    [Fact]
    public async Task Saving_settings_read_before_someone_else_saved_is_refused_with_a_message()
    {
        var call = await _given.CallAsync();
        using var secretariat = await _given.SecretariatAsync();
        using var colleague = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call, ("NameEn", "First round"));
        var mine = await secretariat.GetAsync(RoundScenario.RoundUrl(roundId));

        var theirs = await RoundScenario.EditAsync(colleague, roundId, ("NameEn", "Their name"));
        var stale = await secretariat.SubmitAsync(mine, [new("NameEn", "My name")]);

        Assert.Equal(HttpStatusCode.Redirect, theirs.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Someone else changed this round meanwhile. The page now shows their version; make your change again.", stale.Errors);
        Assert.Equal("Their name", await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).Select(r => r.NameEn).SingleAsync()));
        var again = await RoundScenario.EditAsync(secretariat, roundId, ("NameEn", "My name"));
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("My name", await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).Select(r => r.NameEn).SingleAsync()));
    }
}
