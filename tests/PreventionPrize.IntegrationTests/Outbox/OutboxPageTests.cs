using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Outbox;

namespace PreventionPrize.IntegrationTests.Outbox;

/// <summary>The Secretariat's outbox: what it shows, and what a person may decide about one mail.</summary>
public sealed class OutboxPageTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();

    public Task InitializeAsync()
    {
        // Passes are driven by the tests, so that each mail is in the state the test needs.
        _app.Settings["Mail:Dispatcher:Enabled"] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_outbox_counts_mails_by_state_and_finds_one_by_recipient()
    {
        var addresses = await _app.QueueAsync(3);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync("/secretariat/outbox");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Queued 3", page.Text);
        Assert.All(addresses, a => Assert.Contains(a, page.Html));
        Assert.NotNull(page.Document.QuerySelector("table caption"));

        var found = await secretariat.GetAsync($"/secretariat/outbox?search={addresses[1].ToUpperInvariant()}");
        Assert.Contains(addresses[1], found.Html);
        Assert.DoesNotContain(addresses[0], found.Html);
        Assert.Contains("1 mails", found.Text);

        var byKind = await secretariat.GetAsync("/secretariat/outbox?search=jury.roundclosed&state=Queued");
        Assert.Contains("3 mails", byKind.Text);
        var none = await secretariat.GetAsync("/secretariat/outbox?state=Failed");
        Assert.Contains("No mail matches.", none.Html);
    }

    [Fact]
    public async Task A_mail_shows_its_text_and_its_HTML_only_in_a_sandbox()
    {
        var to = (await _app.QueueAsync(1, name: "<script>alert(1)</script>")).Single();
        var mail = await _app.MailToAsync(to);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/outbox/{mail.Id}");
        Assert.Contains(mail.Subject, page.Html);
        Assert.Contains("First round", page.Document.QuerySelector("pre.mail-text")!.TextContent);
        var frame = page.Document.QuerySelector("iframe.mail-html")!;
        Assert.True(frame.HasAttribute("sandbox"));
        Assert.False(string.IsNullOrEmpty(frame.GetAttribute("title")));

        var html = await secretariat.Http.GetAsync(frame.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var csp = string.Join(";", html.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Equal("SAMEORIGIN", html.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script>", await html.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failed_mail_is_retried_by_the_Secretariat_and_the_decision_is_audited()
    {
        var to = (await _app.QueueAsync(1)).Single();
        var mail = await _app.MailToAsync(to);
        await SetStateAsync(mail.Id, OutboxState.Failed, attempts: 4);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var done = await secretariat.PostAsync($"/secretariat/outbox/{mail.Id}/retry");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Contains("The mail is queued again.", (await secretariat.GetAsync(done.Location!)).Html);

        var retried = await _app.MailToAsync(to);
        Assert.Equal((OutboxState.Queued, 0), (retried.State, retried.Attempts));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.retried" && a.Subject == $"outbox:{mail.Id}")));
        await _app.Dispatcher().RunOnceAsync();
        Assert.Equal(OutboxState.Sent, (await _app.MailToAsync(to)).State);
        Assert.Single(_app.Mail.To(to));
    }

    [Fact]
    public async Task A_cancelled_mail_is_never_sent_and_a_sent_one_cannot_be_cancelled()
    {
        var addresses = await _app.QueueAsync(2);
        var cancel = await _app.MailToAsync(addresses[0]);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        await secretariat.PostAsync($"/secretariat/outbox/{cancel.Id}/cancel");
        await _app.Dispatcher().RunOnceAsync();

        Assert.Equal(OutboxState.Cancelled, (await _app.MailToAsync(addresses[0])).State);
        Assert.Empty(_app.Mail.To(addresses[0]));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.cancelled" && a.Subject == $"outbox:{cancel.Id}")));

        var sent = await _app.MailToAsync(addresses[1]);
        var refused = await secretariat.PostAsync($"/secretariat/outbox/{sent.Id}/cancel");
        Assert.Contains("This mail changed meanwhile", (await secretariat.GetAsync(refused.Location!)).Html);
        Assert.Equal(OutboxState.Sent, (await _app.MailToAsync(addresses[1])).State);
    }

    [Fact]
    public async Task An_unknown_outcome_is_resolved_by_a_person_as_sent_or_sent_again_with_the_same_Message_Id()
    {
        var addresses = await _app.QueueAsync(2);
        var first = await _app.MailToAsync(addresses[0]);
        var second = await _app.MailToAsync(addresses[1]);
        await SetStateAsync(first.Id, OutboxState.Unknown, attempts: 1);
        await SetStateAsync(second.Id, OutboxState.Unknown, attempts: 1);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/outbox/{first.Id}");
        Assert.Contains("it may or may not have arrived", page.Html);
        await secretariat.PostAsync($"/secretariat/outbox/{first.Id}/mark-sent");
        await secretariat.PostAsync($"/secretariat/outbox/{second.Id}/resend");
        await _app.Dispatcher().RunOnceAsync();

        Assert.Equal(OutboxState.Sent, (await _app.MailToAsync(addresses[0])).State);
        Assert.Empty(_app.Mail.To(addresses[0]));
        Assert.Equal(second.MessageId, Assert.Single(_app.Mail.To(addresses[1])).MessageId);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.marked-sent")));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.resent")));
    }

    [Fact]
    public async Task A_message_to_all_jurors_is_held_for_review_then_released_in_each_readers_language()
    {
        var english = await _app.CreateUserAsync($"juror-en-{Guid.NewGuid():N}@example.org", Roles.Juror);
        var french = await _app.CreateUserAsync($"juror-fr-{Guid.NewGuid():N}@example.org", Roles.Juror, language: "fr");
        var applicant = await _app.CreateUserAsync($"applicant-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var review = await secretariat.SubmitAsync("/secretariat/outbox/bulk/new",
        [
            new("Group", $"role:{Roles.Juror}"),
            new("SubjectEn", "Scoring opens on Monday"), new("BodyEn", "Dear jurors,\n\nScoring opens on Monday."),
            new("SubjectFr", "L'évaluation commence lundi"), new("BodyFr", "Chers jurés,\n\nL'évaluation commence lundi."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, review.Status);
        var reviewPage = await secretariat.GetAsync(review.Location!);
        Assert.Contains("2 mails are held until you release them.", reviewPage.Html);
        Assert.Contains("L'évaluation commence lundi", reviewPage.Text);

        await _app.Dispatcher().RunOnceAsync();
        Assert.Empty(_app.Mail.To(english.Email!)); // held: nothing goes before the review

        await secretariat.PostAsync(review.Location! + "/release");
        await _app.Dispatcher().RunOnceAsync();

        Assert.Contains("Scoring opens on Monday", Assert.Single(_app.Mail.To(english.Email!)).Subject);
        var fr = Assert.Single(_app.Mail.To(french.Email!));
        Assert.Contains("L'évaluation commence lundi", fr.Subject);
        Assert.Equal("fr", fr.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Empty(_app.Mail.To(applicant.Email!));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.bulk.prepared")));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.bulk.released" && a.Details == "2 mails")));
    }

    [Fact]
    public async Task A_discarded_bulk_message_sends_nothing()
    {
        await _app.CreateUserAsync($"juror-{Guid.NewGuid():N}@example.org", Roles.Juror);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var review = await secretariat.SubmitAsync("/secretariat/outbox/bulk/new",
            [new("Group", $"role:{Roles.Juror}"), new("SubjectEn", "Wrong draft"), new("BodyEn", "Sent by mistake")]);

        await secretariat.PostAsync(review.Location! + "/discard");
        await _app.Dispatcher().RunOnceAsync();

        Assert.All(await _app.AllMailAsync(), m => Assert.Equal(OutboxState.Cancelled, m.State));
        Assert.Empty(_app.Mail.All());
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.bulk.discarded")));
    }

    [Fact]
    public async Task Submitting_the_bulk_form_twice_prepares_the_mails_once()
    {
        await _app.CreateUserAsync($"juror-{Guid.NewGuid():N}@example.org", Roles.Juror);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var form = await secretariat.GetAsync("/secretariat/outbox/bulk/new");
        KeyValuePair<string, string>[] values = [new("Group", $"role:{Roles.Juror}"), new("SubjectEn", "Once"), new("BodyEn", "Only once")];

        var first = await secretariat.SubmitAsync(form, values);
        var again = await secretariat.SubmitAsync(form, values);

        Assert.Equal(first.Location, again.Location);
        Assert.Single(await _app.AllMailAsync());
    }

    public static TheoryData<string, string, string, string> BadBulkInput => new()
    {
        { "role:Juror", "", "Body", "Subject (English): this field is required." },
        { "role:Juror", new string('x', 151), "Body", "Subject (English): at most 150 characters." },
        { "role:Juror", "Hello\r\nBcc: victim@example.org", "Body", "Subject (English): write it on one line." },
        { "role:Juror", "Subject", "", "Message (English): this field is required." },
        { "role:Juror", "Subject", new string('y', 10_001), "Message (English): at most 10000 characters." },
        { "", "Subject", "Body", "Choose who receives the message." },
        { "role:Nobody", "Subject", "Body", "Choose who receives the message." },
        { "role:Juror", "Subject", "Body <script>", "" },
    };

    [Theory]
    [MemberData(nameof(BadBulkInput))]
    public async Task Bad_bulk_input_gets_a_clear_message_keeps_the_form_and_prepares_nothing(string group, string subject, string body, string expected)
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.SubmitAsync("/secretariat/outbox/bulk/new", [new("Group", group), new("SubjectEn", subject), new("BodyEn", body)]);

        if (expected == "")
        {
            // Hostile text is just text: accepted (nobody is a juror here, so nothing is prepared) and never markup.
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Nobody in this group has a confirmed address", page.Html);
            Assert.DoesNotContain("<script>", page.Html);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(page.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
            if (!subject.Contains('\n')) Assert.Equal(subject, page.ValueOf("SubjectEn") ?? "");
        }
        Assert.Empty(await _app.AllMailAsync());
    }

    [Fact]
    public async Task Every_template_previews_in_English_and_French()
    {
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var list = await secretariat.GetAsync("/secretariat/outbox/templates");
        var kinds = list.Document.QuerySelectorAll("#kind option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Equal(PreventionPrize.Web.Infrastructure.Email.Templates.MailSamples.Kinds, kinds);

        foreach (var kind in kinds)
        foreach (var language in new[] { "en", "fr" })
        {
            var page = await secretariat.GetAsync($"/secretariat/outbox/templates?kind={kind}&language={language}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(language == "fr" ? "Prix de la prévention numérique" : "Digital Prevention Prize", page.Document.QuerySelector("pre.mail-text")!.TextContent);
            var html = await secretariat.Http.GetAsync($"/secretariat/outbox/templates/{kind}/{language}/html");
            Assert.StartsWith("sandbox", string.Join(";", html.Headers.GetValues("Content-Security-Policy")));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/outbox/templates?kind=no.such")).Status);
    }

    private Task SetStateAsync(Guid id, OutboxState state, int attempts) =>
        _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.Attempts, attempts)));
}
