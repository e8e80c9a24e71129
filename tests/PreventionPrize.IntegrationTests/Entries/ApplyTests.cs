using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Entries;

public sealed class ApplyTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;
    private readonly EntryScenario _given;

    public ApplyTests(PrizeAppFactory app)
    {
        _app = app;
        _given = new EntryScenario(app);
    }

    [Fact]
    public async Task A_qualifying_project_starts_a_draft_that_keeps_the_eligibility_answers()
    {
        var call = await _given.OpenCallAsync();
        var (client, user) = await _given.ApplicantAsync();

        var id = await EntryScenario.StartAsync(client, call, language: "fr");

        var entry = await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id));
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal(user.Id, entry.OwnerId);
        Assert.Equal("fr", entry.Language);
        Assert.True(entry.Eligibility.FormalStructure);
        Assert.True(entry.Eligibility.YouthActivelyInvolved);
        Assert.Equal("FR", entry.Eligibility.Country);
        Assert.Equal(user.Email, entry.ContactEmail);
        var form = await client.GetAsync($"/entries/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Your project qualifies", form.Html);
    }

    [Fact]
    public async Task A_project_that_does_not_qualify_is_told_every_reason_and_nothing_is_created()
    {
        var call = await _given.OpenCallAsync();
        var (client, user) = await _given.ApplicantAsync();

        var page = await client.SubmitAsync($"/calls/{call.Code}/apply",
        [
            new("FormalStructure", "false"), new("YouthActivelyInvolved", "false"), new("ProjectState", "Finished"),
            new("FinishedOn", "2001-01-31"), new("Country", "US"), new("Language", "en"),
        ]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var reasons = page.Document.QuerySelectorAll(".not-eligible li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("at least two people within a formal structure"));
        Assert.Contains(reasons, r => r.Contains("Young people under 25 must take an active part"));
        Assert.Contains(reasons, r => r.Contains("ended too long ago"));
        Assert.Contains(reasons, r => r.Contains("not among this call's eligible countries"));
        Assert.False(await _app.WithDbAsync(db => db.Entries.AnyAsync(e => e.OwnerId == user.Id)));
    }

    [Fact]
    public async Task Unanswered_questions_are_asked_again_in_French_for_a_French_reader()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync(language: "fr");

        var page = await client.SubmitAsync($"/calls/{call.Code}/apply", [new("Language", "fr")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.StartsWith("Veuillez répondre : Le projet est-il mené par au moins deux personnes"));
        Assert.Contains("Pays où se situe le projet : ce champ est obligatoire.", page.Errors);
    }

    [Fact]
    public async Task An_unknown_call_has_no_application_form()
    {
        var (client, _) = await _given.ApplicantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calls/NO-SUCH-CALL/apply")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/calls/NO-SUCH-CALL/apply", EntryScenario.Eligible())).Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_before_applying()
    {
        var call = await _given.OpenCallAsync();
        using var visitor = _app.NewClient();

        var page = await visitor.GetAsync($"/calls/{call.Code}/apply");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location);
    }

    [Fact]
    public async Task A_closed_call_takes_no_new_entries()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromMinutes(-30), graceMinutes: 10);
        var (client, user) = await _given.ApplicantAsync();

        var form = await client.GetAsync($"/calls/{call.Code}/apply");
        Assert.Equal($"/calls/{call.Code}", form.Location);
        Assert.Contains("This call does not accept entries now.", (await client.GetAsync(form.Location!)).Text);

        var page = await client.PostAsync($"/calls/{call.Code}/apply", EntryScenario.Eligible());
        Assert.Contains("This call does not accept entries now.", page.Errors);
        Assert.False(await _app.WithDbAsync(db => db.Entries.AnyAsync(e => e.OwnerId == user.Id)));
    }
}
