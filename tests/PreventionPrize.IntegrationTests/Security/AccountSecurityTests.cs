using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class AccountSecurityTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public AccountSecurityTests(PrizeAppFactory app) => _app = app;

    [Fact]
    public async Task The_header_links_to_the_security_page_in_both_languages()
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        var home = await client.GetAsync("/");
        Assert.NotNull(home.Document.QuerySelector("header a[href='/account/security']"));
        var page = await client.GetAsync("/account/security");
        Assert.Contains("Account security", page.Text);

        await client.SwitchLanguageAsync("fr");
        var fr = await client.GetAsync("/account/security");
        Assert.Contains("Sécurité du compte", fr.Text);
        Assert.Contains("Changer mon mot de passe", fr.Text);
    }

    [Fact]
    public async Task Changing_the_e_mail_needs_a_recent_password_and_happens_only_when_the_new_address_confirms()
    {
        var email = $"old-{Guid.NewGuid():N}@example.org";
        var newEmail = $"new-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();
        await client.SignInAsync(email);

        // Just signed in: the form is there. Six minutes later it asks for the password first.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/security/email")).Status);
        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await client.GetAsync("/account/security/email");
        Assert.Equal("/account/reauthenticate?returnUrl=%2Faccount%2Fsecurity%2Femail", stale.Location);
        // Posting the form straight away is refused the same way, and nothing is sent.
        var post = await client.PostAsync("/account/security/email", [new("NewEmail", newEmail)]);
        Assert.StartsWith("/account/reauthenticate", post.Location);
        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == newEmail)));

        var wrong = await client.SubmitAsync(stale.Location!, [new("Password", "not the password at all")]);
        Assert.Contains("This password is not correct.", wrong.Errors);
        var confirmed = await client.SubmitAsync(stale.Location!, [new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/account/security/email", confirmed.Location);

        var sent = await client.SubmitAsync("/account/security/email", [new("NewEmail", newEmail)], "form#change-email");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(email, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "account.email-change-requested" && a.Subject == $"user:{user.Id}")));
        var notice = await _app.Mail.WaitForMessageTo(email);
        Assert.Contains("change of your account's e-mail address was requested", notice.TextBody);
        Assert.DoesNotContain(newEmail, notice.TextBody);

        var link = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(newEmail), "/account/confirm-email-change");
        using var browser = _app.NewClient();
        var done = await browser.GetAsync(link);
        Assert.Contains("Your e-mail address has been changed", done.Text);
        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.Email, u.UserName, u.NormalizedEmail }).SingleAsync());
        Assert.Equal(newEmail, stored.Email);
        Assert.Equal(newEmail, stored.UserName);
        Assert.Equal(newEmail.ToUpperInvariant(), stored.NormalizedEmail);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "account.email-changed" && a.Subject == $"user:{user.Id}")));
        Assert.False(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Subject == $"user:{user.Id}" && a.Details != null && a.Details.Contains("@"))));

        await _app.NewClient().SignInAsync(newEmail);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.NewClient().SignInAsync(email));
        // The link works once.
        Assert.Contains("This link is not valid", (await browser.GetAsync(link)).Text);
    }

    [Fact]
    public async Task An_address_that_belongs_to_another_account_gets_no_link_and_the_same_answer()
    {
        var taken = $"taken-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(taken, Roles.Applicant);
        using var client = await _app.SignedInAsync(Roles.Applicant);

        var sent = await client.SubmitAsync("/account/security/email", [new("NewEmail", taken)], "form#change-email");

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == taken)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("a@b.org\r\nBcc: victim@example.org")]
    public async Task A_bad_new_address_is_refused_with_a_message(string typed)
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        var page = await client.SubmitAsync("/account/security/email", [new("NewEmail", typed)], "form#change-email");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
    }

    [Fact]
    public async Task A_tampered_e_mail_change_link_changes_nothing()
    {
        var email = $"tamper-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();
        await client.SignInAsync(email);
        var wanted = $"wanted-{Guid.NewGuid():N}@example.org";
        await client.SubmitAsync("/account/security/email", [new("NewEmail", wanted)], "form#change-email");
        var link = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(wanted), "/account/confirm-email-change");

        var other = link.Replace(Uri.EscapeDataString(wanted), Uri.EscapeDataString($"attacker-{Guid.NewGuid():N}@example.org"));
        Assert.NotEqual(link, other);
        var page = await client.GetAsync(other);

        Assert.Contains("This link is not valid", page.Text);
        Assert.Equal(email, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
    }

    [Fact]
    public async Task Two_factor_settings_need_a_recent_password_too()
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        _app.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal("/account/reauthenticate?returnUrl=%2Faccount%2Ftwo-factor", (await client.GetAsync("/account/two-factor")).Location);
        var post = await client.PostAsync("/account/two-factor", [new("Code", "123456")]);
        Assert.Equal("/account/reauthenticate?returnUrl=%2Faccount%2Ftwo-factor", post.Location);

        await client.SubmitAsync("/account/reauthenticate?returnUrl=%2Faccount%2Ftwo-factor", [new("Password", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).Status);
    }

    [Fact]
    public async Task Re_authentication_never_sends_the_browser_to_another_site()
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        var page = await client.SubmitAsync("/account/reauthenticate?returnUrl=https%3A%2F%2Fevil.example", [new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/account/security", page.Location);
    }
}
