using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Entries;

public sealed class SubmitTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;
    private readonly EntryScenario _given;

    public SubmitTests(PrizeAppFactory app)
    {
        _app = app;
        _given = new EntryScenario(app);
    }

    private static Task<Page> SubmitAsync(TestClient client, int id, IEnumerable<KeyValuePair<string, string>> values) =>
        client.SubmitAsync($"/entries/{id}/edit", values, "form.entry-form", action: $"/entries/{id}/submit");

    private Task<Entry> EntryAsync(int id) => _app.WithDbAsync(db => db.Entries.Include(e => e.Versions).SingleAsync(e => e.Id == id));

    [Fact]
    public async Task A_complete_entry_is_submitted_with_a_reference_and_a_receipt_in_its_language()
    {
        var call = await _given.OpenCallAsync();
        var (client, user) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call, language: "fr");

        var done = await SubmitAsync(client, id, EntryScenario.Complete());

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var entry = await EntryAsync(id);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal($"{call.Code}-0001", entry.Reference);
        Assert.False(entry.Late);
        Assert.Single(entry.Versions);
        Assert.Contains("Level Up Together", entry.Versions[0].Snapshot);
        var shown = await client.GetAsync(done.Location!);
        Assert.Contains($"{call.Code}-0001", shown.Text);

        var receipt = await _app.Mail.WaitForMessageTo(user.Email!);
        Assert.Contains($"candidature {call.Code}-0001 reçue", receipt.Subject);
        Assert.Contains("Peer mentors aged 16 to 21", receipt.TextBody);
        Assert.Contains("Jeunesse Numérique Strasbourg", receipt.HtmlBody);
        // The contact person, another address, gets the receipt too: one row each, committed with the submission.
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "camille@example.org" && m.IdempotencyKey.StartsWith($"entry.receipt:{id}:"))));
    }

    [Fact]
    public async Task An_incomplete_entry_lists_every_problem_linked_to_its_field_and_keeps_the_draft()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);

        var page = await SubmitAsync(client, id, [new("Title", "Half done"), new("Summary", "Only a summary so far.")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#OrganisationName", links);
        Assert.Contains("#Description", links);
        Assert.Contains("#TeamMembers", links);
        Assert.Contains("#DeclarationTrue", links);
        Assert.All(links, href => Assert.NotNull(page.Document.QuerySelector(href!)));
        Assert.Equal("Half done", page.ValueOf("Title"));
        var entry = await EntryAsync(id);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal("Half done", entry.Title);
        Assert.Empty(entry.Versions);
    }

    [Fact]
    public async Task An_answer_over_its_word_limit_is_refused_with_the_count_the_counter_shows()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var tooLong = string.Join(" ", Enumerable.Repeat("l'enfant joue : c'est peut-être trop ?", 21)); // 5 words each: ":" and "?" are not words

        var page = await SubmitAsync(client, id, EntryScenario.Complete().Where(v => v.Key != "Summary").Append(new("Summary", tooLong)));

        Assert.Contains("Summary: 105 words, at most 100.", page.Errors);
        Assert.Contains("105 of 100 words: too long", page.Document.QuerySelector("#Summary-count")!.TextContent);
    }

    [Theory]
    [InlineData(-1, false)]   // one second before the deadline
    [InlineData(5 * 60, true)] // in the grace period
    public async Task Submissions_until_the_end_of_the_grace_period_are_accepted_and_late_ones_flagged(int secondsAfterDeadline, bool late)
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(1), graceMinutes: 10);
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var form = await client.GetAsync($"/entries/{id}/edit");

        _app.Clock.SetUtcNow(new DateTimeOffset(call.ClosesAtUtc.AddSeconds(secondsAfterDeadline)));
        await client.RenewSessionAsync();
        var done = await client.SubmitAsync(form, EntryScenario.Complete(), "form.entry-form", $"/entries/{id}/submit");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(late, (await EntryAsync(id)).Late);
    }

    [Fact]
    public async Task After_the_grace_period_submission_is_refused_with_a_clear_message_and_the_draft_kept()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(1), graceMinutes: 10);
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var form = await client.GetAsync($"/entries/{id}/edit");

        _app.Clock.SetUtcNow(new DateTimeOffset(call.ClosesAtUtc.AddMinutes(10).AddSeconds(1)));
        await client.RenewSessionAsync();
        var page = await client.SubmitAsync(form, EntryScenario.Complete("Typed at the last second"), "form.entry-form", $"/entries/{id}/submit");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.StartsWith("The deadline has passed") && e.EndsWith("Your draft is kept."));
        Assert.Equal("Typed at the last second", page.ValueOf("Title"));
        var entry = await EntryAsync(id);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal("Typed at the last second", entry.Title);
    }

    [Fact]
    public async Task A_submitted_entry_cannot_be_changed_after_the_deadline()
    {
        var call = await _given.OpenCallAsync(closesIn: TimeSpan.FromHours(1), graceMinutes: 0);
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        await SubmitAsync(client, id, EntryScenario.Complete());
        var form = await client.GetAsync($"/entries/{id}/edit");

        _app.Clock.SetUtcNow(new DateTimeOffset(call.ClosesAtUtc.AddSeconds(1)));
        await client.RenewSessionAsync();
        var page = await client.SubmitAsync(form, EntryScenario.Complete("Changed too late"), "form.entry-form", $"/entries/{id}/submit");
        var edit = await client.GetAsync($"/entries/{id}/edit");

        Assert.Contains(page.Errors, e => e.StartsWith("The deadline has passed"));
        Assert.Equal("Level Up Together", (await EntryAsync(id)).Title);
        Assert.Equal($"/entries/{id}", edit.Location); // the form is no longer offered
    }

    [Fact]
    public async Task Two_simultaneous_submissions_of_the_same_form_make_one_submission_and_one_receipt()
    {
        var call = await _given.OpenCallAsync();
        var (client, user) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        var form = await client.GetAsync($"/entries/{id}/edit");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.SubmitAsync(form, EntryScenario.Complete(), "form.entry-form", $"/entries/{id}/submit")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        var entry = await EntryAsync(id);
        Assert.Single(entry.Versions);
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == user.Email && m.Kind == "entry.receipt")));
    }

    [Fact]
    public async Task A_resubmission_before_the_deadline_keeps_every_version_and_the_reference()
    {
        var call = await _given.OpenCallAsync();
        var (client, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        await SubmitAsync(client, id, EntryScenario.Complete());

        var again = await SubmitAsync(client, id, EntryScenario.Complete("Level Up Together, second edition"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var entry = await EntryAsync(id);
        Assert.Equal(2, entry.Versions.Count);
        Assert.Equal($"{call.Code}-0001", entry.Reference);
        Assert.Contains("second edition", entry.Versions.Single(v => v.Number == 2).Snapshot);
        Assert.DoesNotContain("second edition", entry.Versions.Single(v => v.Number == 1).Snapshot);
    }

    [Fact]
    public async Task Reference_numbers_follow_each_other_within_a_call()
    {
        var call = await _given.OpenCallAsync();
        var references = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var (client, _) = await _given.ApplicantAsync();
            var id = await EntryScenario.StartAsync(client, call);
            await SubmitAsync(client, id, EntryScenario.Complete());
            references.Add((await EntryAsync(id)).Reference);
        }
        Assert.Equal([$"{call.Code}-0001", $"{call.Code}-0002", $"{call.Code}-0003"], references);
    }

    [Fact]
    public async Task A_submitted_entry_is_withdrawn_until_the_deadline_and_the_applicant_told()
    {
        var call = await _given.OpenCallAsync();
        var (client, user) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(client, call);
        await SubmitAsync(client, id, EntryScenario.Complete());

        await client.SubmitAsync($"/entries/{id}/withdraw", [], "main form");

        var entry = await EntryAsync(id);
        Assert.Equal(EntryStatus.Withdrawn, entry.Status);
        Assert.Contains("withdrawn", (await _app.Mail.WaitForMessageTo(user.Email!, count: 2)).Subject);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "entry.withdrawn" && a.Subject == $"entry:{id}")));
    }
}
