using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Screening;

public sealed class ScreenEntryTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private static string Form(Entry entry) => $"form[action='/secretariat/entries/{entry.Id}/screen']";

    private static KeyValuePair<string, string>[] Decision(string decision, string reason = "") => [new("Decision", decision), new("Reason", reason)];

    private Task<Page> ScreenAsync(TestClient client, Entry entry, string decision, string reason = "") =>
        client.SubmitAsync($"/secretariat/entries/{entry.Id}", Decision(decision, reason), Form(entry));

    private Task<Entry> ReloadAsync(Entry entry) => app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));

    private Task<List<string?>> AuditAsync(Entry entry) =>
        app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"entry:{entry.Id}" && a.Action == "entry.screened").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    [Fact]
    public async Task Marking_an_entry_eligible_stores_the_decision_audits_it_and_tells_the_applicant_in_English()
    {
        var owner = await app.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Roles.Applicant, language: "fr");
        var entry = await new EntryBuilder(app).OwnedBy(owner).SaveAsync();
        var secretary = $"secretary-{Guid.NewGuid():N}@example.org";
        using var secretariat = await app.SignedInAsync(Roles.Secretariat, secretary);

        var done = await ScreenAsync(secretariat, entry, "Eligible");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal($"/secretariat/entries/{entry.Id}", done.Location);
        var stored = await ReloadAsync(entry);
        Assert.Equal(EntryStatus.Eligible, stored.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.ScreenedAtUtc);
        Assert.Null(stored.ScreeningReason);
        Assert.Equal(entry.Version + 1, stored.Version);
        var screener = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == stored.ScreenedById));
        Assert.Equal(secretary, screener.Email);
        Assert.Equal([$"{entry.Reference}: Submitted -> Eligible"], await AuditAsync(entry));

        // The entry is in English: the mail is too, whatever the account's own language.
        var mail = await app.Mail.WaitForMessageTo(owner.Email!);
        Assert.Contains(entry.Reference!, mail.Subject);
        Assert.Contains("is eligible", mail.Subject);
        Assert.Contains("it meets the eligibility criteria", mail.TextBody);
        Assert.Contains(entry.Reference!, mail.HtmlBody);
        Assert.Equal("en", mail.Body!.Headers[HeaderId.ContentLanguage]);

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");
        Assert.Contains("Decision recorded. The applicant has been informed by e-mail.", page.Text);
        Assert.Equal("Eligible", page.Document.QuerySelector("input[name=Decision][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_ineligible_French_entry_gets_a_French_mail_with_the_reason_to_the_owner_and_the_contact()
    {
        var owner = await app.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var contact = $"contact-{Guid.NewGuid():N}@example.org";
        var entry = await new EntryBuilder(app).OwnedBy(owner).With(e =>
        {
            e.Language = "fr";
            e.Title = "Mentors pairs et écrans";
            e.ContactEmail = contact;
        }).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        const string reason = "Le projet est mené par une seule personne.\nAucune structure formelle n'est décrite.";

        var done = await ScreenAsync(secretariat, entry, "Ineligible", reason);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var stored = await ReloadAsync(entry);
        Assert.Equal(EntryStatus.Ineligible, stored.Status);
        Assert.Equal(reason, stored.ScreeningReason);
        var mail = await app.Mail.WaitForMessageTo(owner.Email!);
        var toContact = await app.Mail.WaitForMessageTo(contact);
        Assert.Equal(mail.Subject, toContact.Subject);
        Assert.Equal("fr", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("n'est pas recevable", mail.Subject);
        Assert.Contains("ne remplit pas les critères de recevabilité", mail.TextBody);
        Assert.Contains("Les motifs", mail.TextBody);
        // Quoted as the Secretariat wrote it, line by line.
        Assert.Contains("> Le projet est mené par une seule personne.\n> Aucune structure formelle n'est décrite.", mail.TextBody);
        Assert.Contains("Le projet est mené par une seule personne.", System.Net.WebUtility.HtmlDecode(mail.HtmlBody));
    }

    [Fact]
    public async Task A_changed_decision_is_allowed_and_audited_old_to_new()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        await ScreenAsync(secretariat, entry, "Ineligible", "No formal structure.");
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // a second decision is a second event, named by its instant
        var changed = await ScreenAsync(secretariat, entry, "Eligible", "The statutes arrived by post.");

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(EntryStatus.Eligible, (await ReloadAsync(entry)).Status);
        Assert.Equal(
            [$"{entry.Reference}: Submitted -> Ineligible; No formal structure.", $"{entry.Reference}: Ineligible -> Eligible; The statutes arrived by post."],
            await AuditAsync(entry));
        var second = await app.Mail.WaitForMessageTo(entry.ContactEmail, count: 2);
        Assert.Contains("A note from the Secretariat", second.TextBody);
        Assert.Contains("The statutes arrived by post.", second.TextBody);
    }

    [Fact]
    public async Task Ineligible_without_a_reason_is_refused_with_a_message_and_nothing_changes()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await ScreenAsync(secretariat, entry, "Ineligible", "   ");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Give the reason the entry is not eligible: the applicant will read it.", page.Errors);
        Assert.Equal("Ineligible", page.Document.QuerySelector("input[name=Decision][checked]")!.GetAttribute("value"));
        // The page around the form is shown again, not just the form.
        Assert.Contains("Connected Youth Association", page.Text);
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry)).Status);
        Assert.Empty(await AuditAsync(entry));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == entry.ContactEmail)));
    }

    [Fact]
    public async Task No_decision_at_all_is_refused_in_the_readers_language()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.SwitchLanguageAsync("fr");

        var page = await secretariat.SubmitAsync($"/secretariat/entries/{entry.Id}", [new("Reason", "")], Form(entry));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Indiquez si la candidature est éligible ou non.", page.Errors);
    }

    [Theory]
    [InlineData("Decision", "Bogus")]
    [InlineData("Decision", "Draft")]
    [InlineData("Decision", "Withdrawn")]
    [InlineData("Version", "not-a-number")]
    [InlineData("Reason", "Escape \u001b[31m")]
    public async Task Tampered_or_hostile_input_is_a_message_never_a_500(string field, string value)
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var values = new Dictionary<string, string> { ["Decision"] = "Ineligible", ["Reason"] = "Out of scope." };
        values[field] = value;

        var page = await secretariat.SubmitAsync($"/secretariat/entries/{entry.Id}", values, Form(entry));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
        Assert.Contains("Connected Youth Association", page.Text);
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry)).Status);
    }

    [Fact]
    public async Task A_NUL_byte_which_ASP_NET_Core_will_not_read_is_a_bad_request_never_a_500()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await ScreenAsync(secretariat, entry, "Ineligible", "Null\0byte");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Go back, reload the page and try again.", page.Text);
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry)).Status);
    }

    [Fact]
    public async Task An_over_long_reason_is_refused_and_kept_in_the_form()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var reason = new string('x', 2001);

        var page = await ScreenAsync(secretariat, entry, "Ineligible", reason);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Reason: at most 2000 characters.", page.Errors);
        Assert.Equal(reason, page.ValueOf("Reason")!.Trim());
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry)).Status);
    }

    [Fact]
    public async Task A_reason_with_markup_is_stored_as_typed_and_shown_and_mailed_as_text()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        const string reason = "<script>alert('x')</script> & \"quotes\"";

        await ScreenAsync(secretariat, entry, "Ineligible", reason);
        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        Assert.Equal(reason, (await ReloadAsync(entry)).ScreeningReason);
        Assert.DoesNotContain("<script>alert('x')", page.Html);
        Assert.Equal(reason, page.ValueOf("Reason")!.Trim());
        var mail = await app.Mail.WaitForMessageTo(entry.ContactEmail);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.Contains(reason, mail.TextBody);
    }

    [Fact]
    public async Task A_decision_on_a_stale_page_is_refused_and_the_first_decision_stands()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var first = await app.SignedInAsync(Roles.Secretariat);
        using var second = await app.SignedInAsync(Roles.Secretariat);
        var firstPage = await first.GetAsync($"/secretariat/entries/{entry.Id}");
        var secondPage = await second.GetAsync($"/secretariat/entries/{entry.Id}");

        var saved = await first.SubmitAsync(firstPage, Decision("Eligible"), Form(entry));
        var refused = await second.SubmitAsync(secondPage, Decision("Ineligible", "Too late."), Form(entry));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.StartsWith("Someone else changed this entry"));
        Assert.Equal("Too late.", refused.ValueOf("Reason")!.Trim());
        Assert.Equal(EntryStatus.Eligible, (await ReloadAsync(entry)).Status);
        Assert.Single(await AuditAsync(entry));
    }

    [Fact]
    public async Task An_applicant_edit_after_the_page_was_read_makes_the_decision_stale()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Entries.SingleAsync(e => e.Id == entry.Id);
            tracked.Summary = "Changed by the applicant before the deadline.";
            tracked.Touch(app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var refused = await secretariat.SubmitAsync(page, Decision("Eligible"), Form(entry));

        Assert.Contains(refused.Errors, e => e.StartsWith("Someone else changed this entry"));
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry)).Status);
    }

    [Fact]
    public async Task A_double_click_records_one_decision_and_sends_one_mail()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        var first = await secretariat.SubmitAsync(page, Decision("Ineligible", "Out of scope."), Form(entry));
        var second = await secretariat.SubmitAsync(page, Decision("Ineligible", "Out of scope."), Form(entry));

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Single(await AuditAsync(entry));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == entry.ContactEmail)));
    }

    [Theory]
    [InlineData(EntryStatus.Draft)]
    [InlineData(EntryStatus.Withdrawn)]
    public async Task Drafts_and_withdrawn_entries_cannot_be_screened(EntryStatus status)
    {
        var entry = await new EntryBuilder(app).WithStatus(status).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.PostAsync($"/secretariat/entries/{entry.Id}/screen",
            [new("Decision", "Eligible"), new("Reason", ""), new("Version", entry.Version.ToString())]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains("only a submitted entry can be screened"));
        Assert.Equal(status, (await ReloadAsync(entry)).Status);
        Assert.Empty(await AuditAsync(entry));
    }

    [Fact]
    public async Task Screening_an_unknown_entry_is_404_even_with_bad_input()
    {
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var valid = await secretariat.PostAsync("/secretariat/entries/987654321/screen", [new("Decision", "Eligible"), new("Version", "0")]);
        var invalid = await secretariat.PostAsync("/secretariat/entries/987654321/screen", [new("Decision", "Ineligible"), new("Version", "0")]);
        var unbindable = await secretariat.PostAsync("/secretariat/entries/987654321/screen", [new("Decision", "Bogus"), new("Version", "x")]);

        Assert.Equal(HttpStatusCode.NotFound, valid.Status);
        Assert.Equal(HttpStatusCode.NotFound, invalid.Status);
        Assert.Equal(HttpStatusCode.NotFound, unbindable.Status);
    }
}
