using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>The invitation journey through the real e-mail: the link is read from the message the outbox delivered.</summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();
    private TestClient _secretariat = null!;

    public async Task InitializeAsync() => _secretariat = await _app.SignedInAsync(Roles.Secretariat);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(Core.Calls.Call Call, string Email, string Link)> InviteAsync(string language = "en", bool minor = false)
    {
        var call = await EntryBuilder.CreateCallAsync(_app);
        var email = $"invitee-{Guid.NewGuid():N}@jury.example.net";
        var sent = await _secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/jury/invite",
            [new("Name", "Marie Dupont"), new("Email", email), new("Language", language), new("IsMinor", minor ? "true" : "false")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var message = await _app.Mail.WaitForMessageTo(email);
        return (call, email, MailFolder.LinkIn(message, "/jury/invitations/"));
    }

    [Fact]
    public async Task A_new_juror_accepts_from_the_email_link_creating_an_account_then_completes_profile_and_declaration()
    {
        var (call, email, link) = await InviteAsync();
        var juror = _app.NewClient();
        var page = await juror.GetAsync(link);
        Assert.Contains("Marie Dupont", page.Text);

        var accepted = await juror.SubmitAsync(page, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal($"/jury/{call.Code}", accepted.Location);

        var home = await juror.GetAsync($"/jury/{call.Code}");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotNull(home.Document.QuerySelector($"a[href='/jury/{call.Code}/profile']"));

        var profile = await juror.SubmitAsync($"/jury/{call.Code}/profile",
            [new("Organisations[0].Name", "Association Jeunesse et Santé"), new("Organisations[0].Tie", "Employee"), new("ReadsLanguages", "en"), new("Countries", "FR")]);
        Assert.Equal(HttpStatusCode.Redirect, profile.Status);
        var declaration = await juror.SubmitAsync($"/jury/{call.Code}/declaration", [new("AcceptsConfidentiality", "true"), new("SignedName", "Marie Dupont")]);
        Assert.Equal(HttpStatusCode.Redirect, declaration.Status);

        await _app.WithDbAsync(async db =>
        {
            var member = await db.JuryMembers.Include(m => m.Declarations).SingleAsync(m => m.Email == email);
            Assert.Equal(InvitationStatus.Accepted, member.Status);
            var user = await db.Users.SingleAsync(u => u.Id == member.UserId);
            Assert.True(user.EmailConfirmed);
            Assert.Equal("Association Jeunesse et Santé", Assert.Single(member.Profile.Organisations).Name);
            Assert.Single(member.Declarations);
            var actions = await db.AuditEvents.Where(a => a.Subject == $"juror:{member.Id}").Select(a => a.Action).ToListAsync();
            Assert.Contains("jury.accepted", actions);
            Assert.Contains("juror.profile", actions);
            Assert.Contains("juror.declaration", actions);
            return 0;
        });
        Assert.DoesNotContain(_app.Mail.To(email), m => m.Subject!.Contains("confirm", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_invitation_is_written_in_the_invitees_language()
    {
        var (_, email, _) = await InviteAsync("fr");
        var message = _app.Mail.LastTo(email);
        Assert.Contains("invité(e) au jury", message.Subject);
    }

    [Fact]
    public async Task A_used_link_says_it_was_already_answered_and_does_nothing_more()
    {
        var (_, _, link) = await InviteAsync();
        var juror = _app.NewClient();
        await juror.SubmitAsync(link, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);

        var stranger = _app.NewClient();
        var again = await stranger.GetAsync(link);
        Assert.Contains("already been answered", again.Text);
        Assert.Empty(again.Document.QuerySelectorAll("form[action$='/accept']"));
        var forced = await stranger.PostAsync(link + "/accept", [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        Assert.Contains("already been answered", forced.Text);
    }

    [Fact]
    public async Task An_expired_link_asks_for_a_resend_and_the_resent_link_works_while_the_old_one_does_not()
    {
        var (call, email, oldLink) = await InviteAsync();
        _app.Clock.Advance(InvitationTokens.Lifetime + TimeSpan.FromMinutes(1));
        var juror = _app.NewClient();
        Assert.Contains("has expired", (await juror.GetAsync(oldLink)).Text);

        var memberId = await _app.WithDbAsync(db => db.JuryMembers.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        // Two weeks later the Secretariat's own session has long expired: sign in again.
        var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var resent = await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{memberId}/resend");
        Assert.Equal($"/secretariat/calls/{call.Code}/jury", resent.Location);
        var newLink = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(email, 2), "/jury/invitations/");

        Assert.NotEqual(oldLink, newLink);
        Assert.Contains("not valid", (await juror.GetAsync(oldLink)).Text);
        var accepted = await juror.SubmitAsync(newLink, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_opens_and_a_removed_juror_loses_the_jury_pages()
    {
        var (call, email, link) = await InviteAsync();
        var juror = _app.NewClient();
        await juror.SubmitAsync(link, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.OK, (await juror.GetAsync($"/jury/{call.Code}")).Status);

        var memberId = await _app.WithDbAsync(db => db.JuryMembers.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        await _secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{memberId}/revoke");

        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/jury/{call.Code}")).Status);
        Assert.Contains("not valid", (await _app.NewClient().GetAsync(link)).Text);
    }

    [Fact]
    public async Task Declining_needs_no_account_and_the_secretariat_sees_it()
    {
        var (call, email, link) = await InviteAsync();
        var declined = await _app.NewClient().SubmitAsync(link, [], "form[action$='/decline']");
        Assert.Contains("Invitation declined", declined.Text);
        var list = await _secretariat.GetAsync($"/secretariat/calls/{call.Code}/jury");
        Assert.Contains("Declined", list.Text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task An_unknown_link_says_so_without_naming_anyone()
    {
        var page = await _app.NewClient().GetAsync("/jury/invitations/not-a-real-token");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("not valid", page.Text);
    }

    [Fact]
    public async Task An_existing_account_must_sign_in_before_accepting_so_a_link_cannot_take_it_over()
    {
        var (call, email, link) = await InviteAsync();
        await _app.CreateUserAsync(email, Roles.Applicant);
        var visitor = _app.NewClient();
        var page = await visitor.GetAsync(link);
        Assert.Contains("An account already exists", page.Text);
        var forced = await visitor.PostAsync(link + "/accept", [new("Password", "another password entirely"), new("ConfirmPassword", "another password entirely")]);
        Assert.Contains("sign in first", forced.Text);

        await visitor.SignInAsync(email);
        var accepted = await visitor.SubmitAsync(link, [], "form[action$='/accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/jury/{call.Code}")).Status);
        Assert.Equal(user.Id, await _app.WithDbAsync(db => db.JuryMembers.Where(m => m.Email == email).Select(m => m.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Inviting_the_same_address_twice_is_refused_with_a_message()
    {
        var (call, email, _) = await InviteAsync();
        var again = await _secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/jury/invite",
            [new("Name", "Marie Dupont"), new("Email", email.ToUpperInvariant()), new("Language", "en")]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.Contains("already invited"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.JuryMembers.CountAsync(m => m.CallId == call.Id)));
    }

    [Fact]
    public async Task A_minor_juror_reads_no_entry_until_the_secretariat_records_guardian_consent()
    {
        var (call, email, link) = await InviteAsync(minor: true);
        var entry = await new EntryBuilder(_app).In(call).WithStatus(EntryStatus.Eligible).SaveAsync();
        await _app.OpenRoundForEveryoneAsync(call);
        var juror = _app.NewClient();
        await juror.SubmitAsync(link, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        await juror.SubmitAsync($"/jury/{call.Code}/profile", [new("ReadsLanguages", "en")]);
        await juror.SubmitAsync($"/jury/{call.Code}/declaration", [new("AcceptsConfidentiality", "true"), new("SignedName", "Marie Dupont")]);

        Assert.Contains("waiting for the Secretariat", (await juror.GetAsync($"/jury/{call.Code}")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/jury/{call.Code}/entries/{entry.Reference}")).Status);

        var memberId = await _app.WithDbAsync(db => db.JuryMembers.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        var refused = await _secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{memberId}/consent", [new("Method", "")]);
        Assert.Contains("required", (await _secretariat.GetAsync(refused.Location!)).Text, StringComparison.OrdinalIgnoreCase);
        await _secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{memberId}/consent", [new("Method", "SignedForm")]);

        Assert.Equal(HttpStatusCode.OK, (await juror.GetAsync($"/jury/{call.Code}/entries/{entry.Reference}")).Status);
    }
}
