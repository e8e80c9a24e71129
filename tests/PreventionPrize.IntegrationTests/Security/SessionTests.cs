using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>Session lifetimes by the app's clock: idle, absolute, and ended by a password change or a disabled account.</summary>
public sealed class SessionTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public SessionTests(PrizeAppFactory app) => _app = app;

    private static async Task<bool> SignedInAsync(TestClient client) => (await client.GetAsync("/account/security")).Status == HttpStatusCode.OK;

    [Fact]
    public async Task The_auth_cookie_is_host_prefixed_secure_http_only_and_same_site_lax()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        var page = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        var cookie = Assert.Single(page.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pp-auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        // A session cookie: it dies with the browser, and the ticket inside expires by itself.
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cookie_between_password_and_code_follows_the_same_rules()
    {
        var email = $"cookie2fa-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        await TwoFactor.EnableAsync(_app, user);
        using var client = _app.NewClient();

        var page = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        var cookie = Assert.Single(page.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pp-2fa=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain(page.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pp-auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thirty_minutes_without_a_request_end_the_session_but_activity_keeps_it()
    {
        using var active = await _app.SignedInAsync(Roles.Applicant);
        using var idle = await _app.SignedInAsync(Roles.Applicant);

        for (var i = 0; i < 3; i++)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedInAsync(active), $"active session ended after {(i + 1) * 20} minutes");
        }

        Assert.False(await SignedInAsync(idle));
    }

    [Fact]
    public async Task Twelve_hours_after_sign_in_the_session_ends_however_active()
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        // A request every 20 minutes: never idle long enough for the idle timeout.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedInAsync(client), $"ended early, after {elapsed}");
        }
        _app.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.True(await SignedInAsync(client), "ended early, after 11:59");
        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        var after = await client.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Contains("/account/login", after.Location);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_once_the_stamp_is_checked_and_keeps_this_one()
    {
        var email = $"change-pw-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        using var here = _app.NewClient();
        using var elsewhere = _app.NewClient();
        await here.SignInAsync(email);
        await elsewhere.SignInAsync(email);

        const string newPassword = "a completely different passphrase";
        var done = await here.SubmitAsync("/account/security/password",
            [new("CurrentPassword", TestClient.DefaultPassword), new("Password", newPassword), new("ConfirmPassword", newPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.True(await SignedInAsync(elsewhere));

        _app.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.False(await SignedInAsync(elsewhere));
        Assert.True(await SignedInAsync(here));
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "account.password-changed" && a.Subject == $"user:{user.Id}")));
        await _app.NewClient().SignInAsync(email, newPassword);
        var notice = await _app.Mail.WaitForMessageTo(email);
        Assert.Contains("password of your account was changed", notice.TextBody);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_as_a_failure()
    {
        var email = $"wrong-current-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();
        await client.SignInAsync(email);

        var page = await client.SubmitAsync("/account/security/password",
            [new("CurrentPassword", "not my password at all"), new("Password", "another long passphrase"), new("ConfirmPassword", "another long passphrase")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This password is not correct.", page.Errors);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync()));
        await _app.NewClient().SignInAsync(email);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_and_cannot_sign_in_until_enabled()
    {
        var email = $"disabled-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Juror);
        using var juror = _app.NewClient();
        await juror.SignInAsync(email);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var done = await secretariat.PostAsync($"/secretariat/users/{user.Id}/access", [new("disable", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Contains("Disabled", (await secretariat.GetAsync($"/secretariat/users?search={Uri.EscapeDataString(email)}")).Text);

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await SignedInAsync(juror));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.NewClient().SignInAsync(email));

        await secretariat.PostAsync($"/secretariat/users/{user.Id}/access", [new("disable", "false")]);
        await _app.NewClient().SignInAsync(email);
        var actions = await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"user:{user.Id}" && a.Action.StartsWith("account.")).Select(a => a.Action).ToListAsync());
        Assert.Contains("account.disabled", actions);
        Assert.Contains("account.enabled", actions);
    }

    [Fact]
    public async Task A_password_reset_does_not_lift_a_disabled_account()
    {
        var email = $"disabled-reset-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/users/{user.Id}/access", [new("disable", "true")]);

        using var client = _app.NewClient();
        await client.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        var link = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(email), "/account/reset-password");
        const string newPassword = "a new passphrase that will not help";
        await client.SubmitAsync(link, [new("Password", newPassword), new("ConfirmPassword", newPassword)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.NewClient().SignInAsync(email, newPassword));
    }

    [Fact]
    public async Task The_Secretariat_cannot_disable_itself_and_others_cannot_disable_anyone()
    {
        var email = $"self-disable-{Guid.NewGuid():N}@example.org";
        var me = await _app.CreateUserAsync(email, Roles.Secretariat);
        using var secretariat = _app.NewClient();
        await secretariat.SignInAsync(email);

        await secretariat.PostAsync($"/secretariat/users/{me.Id}/access", [new("disable", "true")]);
        Assert.Contains("You cannot disable your own account.", (await secretariat.GetAsync("/secretariat/users")).Html);
        Assert.True(await SignedInAsync(secretariat));

        using var juror = await _app.SignedInAsync(Roles.Juror);
        var refused = await juror.PostAsync($"/secretariat/users/{me.Id}/access", [new("disable", "true")]);
        Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.Contains("/account/access-denied") == true, $"{refused.Status} {refused.Location}");
        using var anonymous = _app.NewClient();
        var anon = await anonymous.PostAsync($"/secretariat/users/{me.Id}/access", [new("disable", "true")]);
        Assert.Contains("/account/login", anon.Location ?? "");
        Assert.False(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "account.disabled" && a.Subject == $"user:{me.Id}")));
    }

    [Fact]
    public async Task Revoking_a_role_is_audited_and_ends_its_use_within_minutes()
    {
        var email = $"revoke-{Guid.NewGuid():N}@example.org";
        var juror = await _app.CreateUserAsync(email, Roles.Juror);
        using var jurorClient = _app.NewClient();
        await jurorClient.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await jurorClient.GetAsync("/jury")).Status);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        await secretariat.PostAsync($"/secretariat/users/{juror.Id}/roles", [new("role", Roles.Juror), new("grant", "false")]);
        _app.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.NotEqual(HttpStatusCode.OK, (await jurorClient.GetAsync("/jury")).Status);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "role.revoked" && a.Subject == $"user:{juror.Id}" && a.Details == Roles.Juror)));
    }
}
