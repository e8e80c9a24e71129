using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Entries;

public sealed class DraftTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;
    private readonly EntryScenario _given;

    public DraftTests(PrizeAppFactory app)
    {
        _app = app;
        _given = new EntryScenario(app);
    }

    [Fact]
    public async Task A_draft_saves_with_almost_everything_missing_and_comes_back_as_typed()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);

        var saved = await client.SubmitAsync($"/entries/{id}/edit", [new("Description", "First line.\nSecond line, with « guillemets »."), new("Adults", "3")], "form.entry-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var again = await client.GetAsync($"/entries/{id}/edit");
        Assert.Equal("First line.\nSecond line, with « guillemets ».", again.Document.QuerySelector("textarea#Description")!.TextContent);
        Assert.Equal("3", again.ValueOf("Adults"));
    }

    [Fact]
    public async Task Autosave_answers_with_the_new_version_and_a_stale_window_is_told_to_reload()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var form = await client.GetAsync($"/entries/{id}/edit");
        var token = form.ValueOf("__RequestVerificationToken")!;

        var first = await client.Http.PostAsync($"/entries/{id}/autosave", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Version", form.ValueOf("Version")!), new("Title", "Autosaved title")]));
        var stale = await client.Http.PostAsync($"/entries/{id}/autosave", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Version", form.ValueOf("Version")!), new("Title", "From an old tab")]));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(int.Parse(form.ValueOf("Version")!) + 1, json.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Autosaved title", (await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id))).Title);
    }

    [Fact]
    public async Task An_over_long_field_is_refused_with_a_message_and_the_stored_draft_untouched()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        await client.SubmitAsync($"/entries/{id}/edit", [new("Title", "Kept title")], "form.entry-form");

        var page = await client.SubmitAsync($"/entries/{id}/edit", [new("Title", "New title"), new("Description", new string('a', Entry.LongTextMaxLength + 1))], "form.entry-form");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Description of the practice: at most {Entry.LongTextMaxLength} characters.", page.Errors);
        Assert.Equal(Entry.LongTextMaxLength + 1, page.Document.QuerySelector("textarea#Description")!.TextContent.Length);
        Assert.Equal("Kept title", (await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id))).Title);
    }

    [Fact]
    public async Task Script_tags_are_stored_and_shown_as_text()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);

        await client.SubmitAsync($"/entries/{id}/edit", [new("Title", "<script>alert('x')</script>"), new("Summary", "<img src=x onerror=alert(1)>")], "form.entry-form");
        var page = await client.GetAsync($"/entries/{id}/edit");

        Assert.DoesNotContain("<script>alert('x')</script>", page.Html);
        Assert.DoesNotContain("<img src=x", page.Html);
        Assert.Equal("<script>alert('x')</script>", page.ValueOf("Title"));
        Assert.Equal("<img src=x onerror=alert(1)>", page.Document.QuerySelector("textarea#Summary")!.TextContent);
    }

    [Fact]
    public async Task Shown_answers_that_name_the_team_are_flagged_to_the_applicant()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);

        await client.SubmitAsync($"/entries/{id}/edit",
        [
            new("OrganisationName", "Jeunesse Numérique"), new("ContactName", "Camille Martin"),
            new("Summary", "Founded by camille martin, see www.jeunesse.example or write to hello@jeunesse.example."),
            new("Replication", "Follow @jeunessenum for updates."),
        ], "form.entry-form");
        var page = await client.GetAsync($"/entries/{id}/edit");

        var entry = await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id));
        Assert.Equal(["Summary:name", "Summary:email", "Summary:url", "Replication:handle"], entry.IdentifierWarnings);
        Assert.Contains("Summary: contains an e-mail address.", page.Text);
        Assert.Contains("What another team needs to replicate it: contains a social-media handle.", page.Text);
    }

    [Fact]
    public async Task A_draft_can_still_be_saved_after_the_deadline_but_not_submitted()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromMinutes(30), graceMinutes: 0);
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var form = await client.GetAsync($"/entries/{id}/edit");

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await client.RenewSessionAsync();
        var saved = await client.SubmitAsync(form, [new("Title", "Still typing")], "form.entry-form");
        var again = await client.GetAsync($"/entries/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Still typing", again.ValueOf("Title"));
        Assert.Null(again.Document.QuerySelector("button[data-submit]"));
    }
}
