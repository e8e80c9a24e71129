using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;

namespace PreventionPrize.IntegrationTests.Calls;

public sealed class ManageCallsTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public ManageCallsTests(PrizeAppFactory app) => _app = app;

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    private static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task The_Secretariat_creates_a_draft_opens_it_and_the_public_sees_it_with_a_countdown()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var code = NewCode();
        var closes = new DateTime(Now.Year + 1, 1, 15, 17, 0, 0, DateTimeKind.Utc);

        var created = await secretariat.SubmitAsync("/secretariat/calls/new", CallFormValues.Valid(code, Now.AddDays(-1), closes));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal($"/secretariat/calls/{code}", created.Location);

        using var visitor = _app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/calls/{code}")).Status);
        Assert.DoesNotContain(code, (await visitor.GetAsync("/")).Html);

        await secretariat.SubmitAsync(await secretariat.GetAsync($"/secretariat/calls/{code}"), [], $"form[action='/secretariat/calls/{code}/open']");

        var home = await visitor.GetAsync("/");
        Assert.Contains($"/calls/{code}", home.Html);
        Assert.Contains("class=\"countdown\"", home.Html);
        var page = await visitor.GetAsync($"/calls/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // 17:00 UTC in January is 18:00 in Strasbourg (CET), and the zone is named.
        Assert.Contains($"15 January {closes.Year} 18:00 (CET, UTC+01:00)", page.Text);
        var call = await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code));
        Assert.Equal(CallStatus.Open, call.Status);
        Assert.Equal(closes, call.ClosesAtUtc);
        Assert.Equal(46, call.EligibleCountries.Count);
        Assert.Equal(["en", "fr"], call.EntryLanguages);
        var actions = await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"call:{code}").Select(a => a.Action).ToListAsync());
        Assert.Equal(["call.created", "call.opened"], actions);
    }

    [Fact]
    public async Task A_French_visitor_sees_the_call_in_French_with_French_dates()
    {
        var code = await OpenCallAsync();
        using var visitor = _app.NewClient();
        await visitor.SwitchLanguageAsync("fr");

        var page = await visitor.GetAsync($"/calls/{code}");

        Assert.Contains($"Prix de la prévention numérique {code}", page.Html);
        Assert.Contains("Date limite", page.Html);
        Assert.Matches(@"(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}", page.Html);
    }

    [Fact]
    public async Task A_call_whose_closing_is_before_its_opening_is_refused_with_the_form_kept()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var code = NewCode();

        var page = await secretariat.SubmitAsync("/secretariat/calls/new", CallFormValues.Valid(code, Now.AddDays(10), Now.AddDays(5)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The closing date must be after the opening date.", page.Errors);
        Assert.Equal(code, page.ValueOf("Code"));
        Assert.Equal($"Digital Prevention Prize {code}", page.ValueOf("TitleEn"));
        Assert.False(await _app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task A_title_over_its_limit_is_refused_in_the_readers_language()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.SwitchLanguageAsync("fr");
        var values = CallFormValues.Valid(NewCode(), Now, Now.AddDays(30)).With("TitleEn", new string('x', Call.TitleMaxLength + 1));

        var page = await secretariat.SubmitAsync("/secretariat/calls/new", values);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Titre (anglais) : {Call.TitleMaxLength} caractères au maximum.", page.Errors);
        Assert.Equal(new string('x', Call.TitleMaxLength + 1), page.ValueOf("TitleEn"));
    }

    [Theory]
    [InlineData("OpensAtLocal", "not a date")]
    [InlineData("GraceMinutes", "ten")]
    [InlineData("GraceMinutes", "-5")]
    [InlineData("OtherCountries", "ZZ, ../etc")]
    [InlineData("Code", "<script>alert(1)</script>")]
    [InlineData("TitleFr", "")]
    public async Task Hostile_or_malformed_call_input_is_a_message_never_a_500(string field, string value)
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var values = CallFormValues.Valid(NewCode(), Now, Now.AddDays(30)).With(field, value);

        var page = await secretariat.SubmitAsync("/secretariat/calls/new", values);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html);
    }

    [Fact]
    public async Task Unticking_every_country_and_language_is_refused_rather_than_silently_restored()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var token = (await secretariat.GetAsync("/secretariat/calls/new")).ValueOf("__RequestVerificationToken")!;

        // A browser posts nothing at all for unticked checkboxes.
        var response = await secretariat.Http.PostAsync("/secretariat/calls/new", new FormUrlEncodedContent(
            CallFormValues.Valid(NewCode(), Now, Now.AddDays(30)).With("__RequestVerificationToken", token)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose at least one eligible country.", html);
        Assert.Contains("Choose at least one language for entries.", html);
    }

    [Fact]
    public async Task The_entry_rules_set_on_the_form_are_the_calls_and_out_of_range_ones_are_explained()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var code = NewCode();
        var values = CallFormValues.Valid(code, Now, Now.AddDays(30))
            .With("EntryRules.SummaryWords", "50").With("EntryRules.MaxAttachments", "2").With("EntryRules.AttachmentKinds", "pdf");

        await secretariat.SubmitAsync("/secretariat/calls/new", values);
        var refused = await secretariat.SubmitAsync($"/secretariat/calls/{code}", [new("EntryRules.DescriptionWords", "5")], $"main form[action='/secretariat/calls/{code}']");

        var rules = (await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code))).EntryRules;
        Assert.Equal(50, rules.SummaryWords);
        Assert.Equal(1000, rules.DescriptionWords);
        Assert.Equal(2, rules.MaxAttachments);
        Assert.Equal(["pdf"], rules.AttachmentKinds);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Description (words): between 10 and 3000.", refused.Errors);
        Assert.Equal("5", refused.ValueOf("EntryRules.DescriptionWords"));
    }

    [Fact]
    public async Task Two_people_editing_the_same_call_cannot_overwrite_each_other()
    {
        var code = await OpenCallAsync();
        using var first = await _app.SignedInAsync(Roles.Secretariat);
        using var second = await _app.SignedInAsync(Roles.Secretariat);
        var firstPage = await first.GetAsync($"/secretariat/calls/{code}");
        var secondPage = await second.GetAsync($"/secretariat/calls/{code}");

        var saved = await first.SubmitAsync(firstPage, [new("TitleEn", "First editor's title")], $"main form[action='/secretariat/calls/{code}']");
        var refused = await second.SubmitAsync(secondPage, [new("TitleEn", "Second editor's title")], $"main form[action='/secretariat/calls/{code}']");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.StartsWith("Someone else changed this call"));
        Assert.Equal("Second editor's title", refused.ValueOf("TitleEn"));
        Assert.Equal("First editor's title", (await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code))).TitleEn);
    }

    [Fact]
    public async Task Moving_the_deadline_is_recorded_and_closing_stops_the_call_at_once()
    {
        var code = await OpenCallAsync();
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var edit = await secretariat.GetAsync($"/secretariat/calls/{code}");

        await secretariat.SubmitAsync(edit, [new("ClosesAtLocal", CallFormValues.Local(Now.AddDays(60)))], $"main form[action='/secretariat/calls/{code}']");
        var closed = await secretariat.SubmitAsync(await secretariat.GetAsync($"/secretariat/calls/{code}"), [], $"form[action='/secretariat/calls/{code}/close']");

        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        var call = await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code));
        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Equal(WindowState.Closed, SubmissionWindow.Evaluate(call, Now));
        var actions = await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"call:{code}").Select(a => a.Action).ToListAsync());
        Assert.Contains("call.deadline-moved", actions);
        Assert.Contains("call.closed", actions);
        using var visitor = _app.NewClient();
        Assert.DoesNotContain($"/calls/{code}", (await visitor.GetAsync("/")).Html);
    }

    [Fact]
    public async Task A_call_past_its_deadline_cannot_be_opened_and_the_Secretariat_is_told_why()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var code = NewCode();
        await secretariat.SubmitAsync("/secretariat/calls/new", CallFormValues.Valid(code, Now.AddDays(-30), Now.AddDays(-1)));

        await secretariat.SubmitAsync(await secretariat.GetAsync($"/secretariat/calls/{code}"), [], $"form[action='/secretariat/calls/{code}/open']");
        var page = await secretariat.GetAsync($"/secretariat/calls/{code}");

        Assert.Contains("The deadline of this call has passed", page.Html);
        Assert.Equal(CallStatus.Draft, (await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code))).Status);
        Assert.Equal($"Call {code}", page.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_home_page_lists_upcoming_calls_apart_and_drops_a_call_after_its_grace_period()
    {
        var upcoming = await OpenCallAsync(opensInDays: 3, closesInDays: 40);
        var closingSoon = await OpenCallAsync(opensInDays: -3, closesInDays: 1);
        using var visitor = _app.NewClient();

        var home = await visitor.GetAsync("/");
        var upcomingSection = home.Document.QuerySelector("section[aria-labelledby='upcoming-heading']")!.InnerHtml;
        Assert.Contains($"/calls/{upcoming}", upcomingSection);
        Assert.Contains($"/calls/{closingSoon}", home.Document.QuerySelector("section[aria-labelledby='open-heading']")!.InnerHtml);

        // One day and the ten-minute grace period later (the fixture's clock only moves forward).
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(11));
        Assert.DoesNotContain($"/calls/{closingSoon}", (await visitor.GetAsync("/")).Html);
    }

    private async Task<string> OpenCallAsync(int opensInDays = -1, int closesInDays = 30)
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var code = NewCode();
        await secretariat.SubmitAsync("/secretariat/calls/new", CallFormValues.Valid(code, Now.AddDays(opensInDays), Now.AddDays(closesInDays)));
        await secretariat.SubmitAsync(await secretariat.GetAsync($"/secretariat/calls/{code}"), [], $"form[action='/secretariat/calls/{code}/open']");
        return code;
    }
}
