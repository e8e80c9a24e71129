using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class TwoFactorTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public TwoFactorTests(PrizeAppFactory app) => _app = app;

    private async Task<(AppUser User, TestClient Client)> SignedInApplicantAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var client = _app.NewClient();
        await client.SignInAsync(email);
        return (user, client);
    }

    private Task<int> AuditCountAsync(string action, string userId) =>
        _app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == action && a.Subject == $"user:{userId}"));

    [Fact]
    public async Task An_applicant_enrols_with_the_key_shown_and_then_signs_in_with_a_code_but_never_the_same_code_twice()
    {
        var (user, client) = await SignedInApplicantAsync("enrol");
        var setup = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        var key = setup.Document.QuerySelector("#secret-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.Equal(32, key.Length);
        Assert.Contains($"otpauth://totp/", setup.Html);
        Assert.Contains($"secret={key}", setup.Html);
        Assert.NotNull(setup.Document.QuerySelector("svg.qr-code path"));
        var code = input(setup);
        Assert.Equal("one-time-code", code.GetAttribute("autocomplete"));
        Assert.Equal("numeric", code.GetAttribute("inputmode"));

        var enrolCode = TwoFactor.Code(_app, key);
        var codes = await client.SubmitAsync(setup, [new("Code", enrolCode)], "form#enable-two-factor");
        Assert.Equal(HttpStatusCode.OK, codes.Status);
        Assert.Equal(10, codes.Document.QuerySelectorAll(".recovery-codes code").Length);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await AuditCountAsync("account.2fa-enabled", user.Id));
        // The session that enrolled stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/security")).Status);

        using var other = _app.NewClient();
        var password = await other.SubmitAsync("/account/login", [new("Email", user.Email!), new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/account/login/two-factor", password.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account/security")).Status);

        // The code used to enrol is spent: the same step cannot sign in.
        var reused = await other.SubmitAsync("/account/login/two-factor", [new("Code", enrolCode)]);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Contains(reused.Errors, e => e.StartsWith("This code is not correct or has already been used"));

        _app.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var fresh = TwoFactor.Code(_app, key);
        var signedIn = await other.SubmitAsync("/account/login/two-factor", [new("Code", fresh)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/security")).Status);

        using var third = _app.NewClient();
        await third.SubmitAsync("/account/login", [new("Email", user.Email!), new("Password", TestClient.DefaultPassword)]);
        var again = await third.SubmitAsync("/account/login/two-factor", [new("Code", fresh)]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.StartsWith("This code is not correct or has already been used"));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "account.signed-in" && a.Subject == $"user:{user.Id}" && a.Details == "authenticator")));
        Assert.True(await AuditCountAsync("account.2fa-failed", user.Id) >= 2);
        client.Dispose();

        static AngleSharp.Dom.IElement input(Page p) => p.Document.QuerySelector("form#enable-two-factor input[name='Code']")!;
    }

    [Fact]
    public async Task A_code_one_step_old_is_accepted_and_a_code_two_steps_old_is_not()
    {
        var email = $"window-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var key = await TwoFactor.EnableAsync(_app, user);
        using var client = _app.NewClient();
        await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        var tooOld = await client.SubmitAsync("/account/login/two-factor", [new("Code", TwoFactor.Code(_app, key, steps: -2))]);
        Assert.Equal(HttpStatusCode.OK, tooOld.Status);
        Assert.Contains(tooOld.Errors, e => e.StartsWith("This code is not correct"));

        var oneOld = await client.SubmitAsync("/account/login/two-factor", [new("Code", TwoFactor.Code(_app, key, steps: -1))]);
        Assert.Equal(HttpStatusCode.Redirect, oneOld.Status);
        Assert.Equal(Totp.StepAt(_app.Clock.GetUtcNow()) - 1, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastTotpStep).SingleAsync()));
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_the_same_code_cannot_both_win()
    {
        var email = $"race-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var key = await TwoFactor.EnableAsync(_app, user);
        var clients = new[] { _app.NewClient(), _app.NewClient(), _app.NewClient() };
        var pages = new List<Page>();
        foreach (var client in clients)
        {
            await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
            pages.Add(await client.GetAsync("/account/login/two-factor"));
        }
        var code = TwoFactor.Code(_app, key);

        var results = await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(pages[i], [new("Code", code)])));

        // At most one wins (the step is claimed once); a loser is told the code is spent, never shown an error page.
        Assert.True(results.Count(r => r.Status == HttpStatusCode.Redirect) <= 1, string.Join(" ; ", results.Select(r => $"{r.Status} {r.Location}")));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var step = Totp.StepAt(_app.Clock.GetUtcNow());
        Assert.Equal(step, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastTotpStep).SingleAsync()));
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task Recovery_codes_are_stored_hashed_and_still_counted()
    {
        var user = await _app.CreateUserAsync($"hashed-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        await TwoFactor.EnableAsync(_app, user);
        var codes = await TwoFactor.RecoveryCodesAsync(_app, user);

        var stored = await _app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync());
        Assert.Equal(10, stored!.Split(';').Length);
        // Not one code, nor its dash-free form, is readable from the database.
        Assert.All(codes, code => Assert.DoesNotContain(code, stored));
        Assert.All(codes, code => Assert.DoesNotContain(code.Replace("-", ""), stored));
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(user.Id);
        Assert.Equal(10, await users.CountRecoveryCodesAsync(account!));
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(account!, "not-a-code")).Succeeded);
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(account!, codes[3])).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(account!));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = $"recovery-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        await TwoFactor.EnableAsync(_app, user);
        var codes = await TwoFactor.RecoveryCodesAsync(_app, user);

        using var first = _app.NewClient();
        await first.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        var page = await first.GetAsync("/account/login/two-factor");
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/login/recovery-code']"));
        var used = await first.SubmitAsync("/account/login/recovery-code", [new("Code", codes[0])]);
        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/security")).Status);

        using var second = _app.NewClient();
        await second.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        var again = await second.SubmitAsync("/account/login/recovery-code", [new("Code", codes[0])]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.StartsWith("This recovery code is not correct or has already been used"));
        Assert.Equal(1, await AuditCountAsync("account.recovery-code-used", user.Id));
        Assert.Equal("9 left", await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "account.recovery-code-used" && a.Subject == $"user:{user.Id}").Select(a => a.Details).SingleAsync()));
    }

    [Fact]
    public async Task Five_failures_across_the_password_and_the_code_lock_the_account_even_against_a_right_code()
    {
        var email = $"lock2fa-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var key = await TwoFactor.EnableAsync(_app, user);
        using var client = _app.NewClient();

        for (var attempt = 0; attempt < 2; attempt++)
            await client.SubmitAsync("/account/login", [new("Email", email), new("Password", $"wrong password number {attempt}")]);
        var password = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/account/login/two-factor", password.Location);
        for (var attempt = 0; attempt < 3; attempt++)
            await client.SubmitAsync("/account/login/two-factor", [new("Code", "000000")]);

        var right = await client.SubmitAsync("/account/login/two-factor", [new("Code", TwoFactor.Code(_app, key))]);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(right.Errors, e => e.StartsWith("Too many failed attempts"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).Status);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "account.2fa-failed" && a.Subject == $"user:{user.Id}" && a.Details == "locked out")));
    }

    [Fact]
    public async Task Five_wrong_recovery_codes_lock_the_account_too()
    {
        var email = $"lockrec-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        await TwoFactor.EnableAsync(_app, user);
        var codes = await TwoFactor.RecoveryCodesAsync(_app, user);
        using var client = _app.NewClient();
        await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        for (var attempt = 0; attempt < 5; attempt++)
            await client.SubmitAsync("/account/login/recovery-code", [new("Code", $"wrong-{attempt}")]);
        var right = await client.SubmitAsync("/account/login/recovery-code", [new("Code", codes[1])]);

        Assert.Contains(right.Errors, e => e.StartsWith("Too many failed attempts"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).Status);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("12345678901234567890")]
    [InlineData("")]
    public async Task A_hostile_or_malformed_code_is_a_clear_refusal_not_an_error(string typed)
    {
        var email = $"hostile-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        await TwoFactor.EnableAsync(_app, user);
        using var client = _app.NewClient();
        await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        var page = await client.SubmitAsync("/account/login/two-factor", [new("Code", typed)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
        Assert.DoesNotContain("<script>alert", page.Html);
    }

    [Fact]
    public async Task The_second_step_without_a_password_first_goes_back_to_sign_in()
    {
        using var client = _app.NewClient();
        var page = await client.GetAsync("/account/login/two-factor");
        Assert.Equal("/account/login", page.Location);
    }

    [Fact]
    public async Task The_test_helper_signs_in_a_user_with_two_factor_twice_in_the_same_step()
    {
        var email = $"helper-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var key = await TwoFactor.EnableAsync(_app, user);
        using var one = _app.NewClient();
        using var two = _app.NewClient();
        await TwoFactor.SignInAsync(_app, one, email, key);
        await TwoFactor.SignInAsync(_app, two, email, key);
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/account/security")).Status);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/account/security")).Status);
    }

    [Fact]
    public async Task Regenerating_codes_replaces_the_old_ones_and_turning_off_forgets_the_key()
    {
        var email = $"manage-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var key = await TwoFactor.EnableAsync(_app, user);
        var old = await TwoFactor.RecoveryCodesAsync(_app, user);
        using var client = _app.NewClient();
        await TwoFactor.SignInAsync(_app, client, email, key);

        var manage = await client.GetAsync("/account/two-factor");
        Assert.Contains("You have 10 recovery codes left", manage.Text);
        var fresh = await client.SubmitAsync(manage, [], "form#regenerate-codes");
        var codes = fresh.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(old));
        Assert.Equal(1, await AuditCountAsync("account.recovery-codes", user.Id));

        var off = await client.SubmitAsync(await client.GetAsync("/account/two-factor"), [], "form#disable-two-factor");
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.False(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await AuditCountAsync("account.2fa-disabled", user.Id));
        // Still signed in, and the set-up page now offers a different key.
        var setup = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.NotEqual(key, setup.Document.QuerySelector("#secret-key")!.TextContent.Replace(" ", "").ToUpperInvariant());
        var notice = await _app.Mail.WaitForMessageTo(email);
        Assert.Contains("Two-step sign-in was turned off", notice.TextBody);
    }

    [Fact]
    public async Task The_two_factor_pages_need_a_signed_in_user()
    {
        using var anonymous = _app.NewClient();
        foreach (var url in new[] { "/account/two-factor", "/account/security", "/account/security/email", "/account/security/password", "/account/reauthenticate" })
            Assert.Contains("/account/login", (await anonymous.GetAsync(url)).Location ?? "");
        var post = await anonymous.PostAsync("/account/two-factor/disable");
        Assert.Contains("/account/login", post.Location ?? "");
    }
}
