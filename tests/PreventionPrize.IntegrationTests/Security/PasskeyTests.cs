using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// Passkeys end to end through Identity's real WebAuthn verification, with an authenticator written in code
/// (<see cref="SoftwarePasskey"/>): adding, signing in, confirming it is you, removing; and every way an answer can be
/// wrong (replayed, another origin, no PIN asked, a counter going back, no ceremony, another account's passkey).
/// </summary>
public sealed class PasskeyTests : IClassFixture<PrizeAppFactory>
{
    private const string SignInRefused = "This passkey could not be used. Try again, or use your password.";

    private readonly PrizeAppFactory _app;

    public PasskeyTests(PrizeAppFactory app) => _app = app;

    private async Task<(AppUser User, TestClient Client)> SignedInApplicantAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        var client = _app.NewClient();
        await client.SignInAsync(email);
        return (user, client);
    }

    /// <summary>An account with one passkey, added from a fresh password session.</summary>
    private async Task<(AppUser User, TestClient Client, SoftwarePasskey Key)> WithPasskeyAsync(string prefix, string? name = null)
    {
        var (user, client) = await SignedInApplicantAsync(prefix);
        var key = new SoftwarePasskey();
        var added = await PasskeyCeremony.RegisterAsync(client, key, name);
        Assert.Equal("/account/passkeys", added.Location);
        return (user, client, key);
    }

    private static async Task<bool> SignedInAsync(TestClient client) => (await client.GetAsync("/account/security")).Status == HttpStatusCode.OK;

    private Task<List<string?>> AuditDetailsAsync(string action, string userId) =>
        _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == action && a.Subject == $"user:{userId}").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    private Task<int> PasskeyCountAsync(string userId) => _app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == userId));

    [Fact]
    public async Task A_passkey_added_on_the_security_page_signs_in_a_new_browser_without_password_or_code()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-add", "work laptop");
        using var _ = client;
        using var __ = key;
        var list = await client.GetAsync("/account/passkeys");
        Assert.Contains("Your passkey has been added", list.Text);
        Assert.Contains("work laptop", list.Text);
        Assert.Contains("1 registered", (await client.GetAsync("/account/security")).Text);
        var added = Assert.Single(await AuditDetailsAsync("account.passkey-added", user.Id));
        Assert.Equal("passkey " + key.Id[..12], added);
        var notice = await _app.Mail.WaitForMessageTo(user.Email!);
        Assert.Contains("A passkey was added to your account", notice.TextBody);
        using (var secretariat = await _app.SignedInAsync(Roles.Secretariat))
            Assert.Contains("Passkeys: 1", (await secretariat.GetAsync($"/secretariat/users?search={Uri.EscapeDataString(user.Email!)}")).Text);

        using var other = _app.NewClient();
        var signedIn = await PasskeyCeremony.UseAsync(other, key);
        Assert.Equal("/", signedIn.Location);
        Assert.True(await SignedInAsync(other));
        Assert.Contains("passkey", await AuditDetailsAsync("account.signed-in", user.Id));
        // The authenticator's counter is kept, ready to notice a clone.
        Assert.Equal(1u, await _app.WithDbAsync(db => db.UserPasskeys.Where(p => p.UserId == user.Id).Select(p => p.Data.SignCount).SingleAsync()));
    }

    [Fact]
    public async Task Sign_in_options_name_no_account_so_the_page_cannot_tell_which_accounts_have_passkeys()
    {
        using var visitor = _app.NewClient();
        var options = JsonDocument.Parse(await PasskeyCeremony.OptionsAsync(visitor, await visitor.GetAsync("/account/login"))).RootElement;
        Assert.Equal(0, options.TryGetProperty("allowCredentials", out var allowed) ? allowed.GetArrayLength() : 0);
        Assert.Equal("required", options.GetProperty("userVerification").GetString());
        Assert.Equal("localhost", options.GetProperty("rpId").GetString());
        Assert.False(options.TryGetProperty("user", out _));
    }

    [Fact]
    public async Task The_challenge_is_kept_in_the_protected_two_step_cookie_never_in_the_page()
    {
        using var visitor = _app.NewClient();
        var login = await visitor.GetAsync("/account/login");
        var token = login.Document.QuerySelector($"{PasskeyCeremony.FormSelector} input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login/passkey/options");
        request.Headers.Add("RequestVerificationToken", token); // as passkeys.js sends it
        var response = await visitor.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var challenge = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString()!;
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pp-2fa=", StringComparison.Ordinal));
        Assert.DoesNotContain(challenge, cookie); // protected, not the challenge in clear
        Assert.Contains("secure", cookie.ToLowerInvariant());
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("samesite=lax", cookie.ToLowerInvariant());
        Assert.True(response.Headers.CacheControl!.NoStore);

        // Without the antiforgery token, no challenge.
        var forged = await visitor.Http.PostAsync("/account/login/passkey/options", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_passkey_ceremony_left_half_way_does_not_pass_for_the_step_between_password_and_code()
    {
        // Identity keeps the passkey challenge in the same cookie as "password right, code still due".
        using var visitor = _app.NewClient();
        await PasskeyCeremony.OptionsAsync(visitor, await visitor.GetAsync("/account/login"));
        Assert.Equal("/account/login", (await visitor.GetAsync("/account/login/two-factor")).Location);
        Assert.Equal("/account/login", (await visitor.PostAsync("/account/login/two-factor", [new("Code", "123456")])).Location);
        Assert.Equal("/account/login", (await visitor.GetAsync("/account/login/recovery-code")).Location);
    }

    [Fact]
    public async Task Every_wrong_answer_is_refused_with_the_same_words_and_signs_nobody_in()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-wrong");
        client.Dispose();

        // Replayed: a good answer posted a second time finds its challenge spent.
        using var first = _app.NewClient();
        var page = await first.GetAsync("/account/login");
        var answer = key.Assert(await PasskeyCeremony.OptionsAsync(first, page));
        Assert.Equal("/", (await first.SubmitAsync(page, [new("CredentialJson", answer)], PasskeyCeremony.FormSelector)).Location);
        using var replayer = _app.NewClient();
        var replayPage = await replayer.GetAsync("/account/login");
        await PasskeyCeremony.OptionsAsync(replayer, replayPage);
        await AssertRefusedAsync(replayer, await replayer.SubmitAsync(replayPage, [new("CredentialJson", answer)], PasskeyCeremony.FormSelector));

        // Another site's page asked for it (a phishing copy): the origin the authenticator signed is not ours.
        key.Origin = "https://prize-login.example";
        using var phished = _app.NewClient();
        await AssertRefusedAsync(phished, await PasskeyCeremony.UseAsync(phished, key));
        key.Origin = "https://localhost";

        // The device was not unlocked (no PIN, no biometric): possession alone is not enough.
        key.UserVerified = false;
        using var unverified = _app.NewClient();
        await AssertRefusedAsync(unverified, await PasskeyCeremony.UseAsync(unverified, key));
        key.UserVerified = true;

        // A passkey this site never saw.
        using var stranger = new SoftwarePasskey();
        using var unknown = _app.NewClient();
        await AssertRefusedAsync(unknown, await PasskeyCeremony.UseAsync(unknown, stranger));

        // An answer posted without asking for a challenge first (a form posted by hand, or five minutes later).
        using var noCeremony = _app.NewClient();
        var login = await noCeremony.GetAsync("/account/login");
        await AssertRefusedAsync(noCeremony, await noCeremony.SubmitAsync(login, [new("CredentialJson", answer)], PasskeyCeremony.FormSelector));
        await AssertRefusedAsync(noCeremony, await noCeremony.SubmitAsync(login, [new("CredentialJson", "{\"id\":")], PasskeyCeremony.FormSelector));

        Assert.True((await AuditDetailsAsync("account.sign-in-failed", user.Id)).Count(d => d == "passkey") >= 2);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "account.sign-in-failed" && a.Subject == "user:unknown" && a.Details == "passkey")));
        key.Dispose();
    }

    private static async Task AssertRefusedAsync(TestClient client, Page posted)
    {
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(SignInRefused, posted.Errors);
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task A_counter_going_back_is_refused_as_a_cloned_authenticator()
    {
        var (_, client, key) = await WithPasskeyAsync("pk-clone");
        client.Dispose();
        using var _ = key;
        key.SignCount = 10;
        using var genuine = _app.NewClient();
        Assert.Equal("/", (await PasskeyCeremony.UseAsync(genuine, key)).Location);

        key.SignCount = 3;
        using var clone = _app.NewClient();
        await AssertRefusedAsync(clone, await PasskeyCeremony.UseAsync(clone, key));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_with_its_passkey()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-disabled");
        client.Dispose();
        using var _ = key;
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/users/{user.Id}/access", [new("disable", "true")]);

        using var attempt = _app.NewClient();
        var posted = await PasskeyCeremony.UseAsync(attempt, key);
        Assert.Contains("locked", posted.Text);
        Assert.False(await SignedInAsync(attempt));
        Assert.Contains("passkey; locked out", await AuditDetailsAsync("account.sign-in-failed", user.Id));
    }

    [Fact]
    public async Task Adding_a_passkey_needs_a_recent_sign_in_which_a_passkey_can_give()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-recent");
        using var _ = client;
        using var __ = key;
        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        await client.GetAsync("/account/security"); // the session slides; the sign-in is now six minutes old

        var page = await client.GetAsync("/account/passkeys");
        using var second = new SoftwarePasskey();
        await Assert.ThrowsAsync<InvalidOperationException>(() => PasskeyCeremony.OptionsAsync(client, page));
        var stale = await client.SubmitAsync(page, [new("CredentialJson", "{}")], PasskeyCeremony.FormSelector);
        Assert.Equal("/account/reauthenticate?returnUrl=%2Faccount%2Fpasskeys", stale.Location);

        // Another account's passkey does not confirm this person.
        var (_, otherClient, otherKey) = await WithPasskeyAsync("pk-recent-other");
        otherClient.Dispose();
        using var ___ = otherKey;
        var wrong = await PasskeyCeremony.UseAsync(client, otherKey, "/account/reauthenticate?returnUrl=%2Faccount%2Fpasskeys");
        Assert.Contains(SignInRefused, wrong.Errors);
        Assert.Equal("/account/passkeys", wrong.ValueOf("ReturnUrl"));
        Assert.Contains("account.reauthentication-failed", await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"user:{user.Id}").Select(a => a.Action).ToListAsync()));

        var confirmed = await PasskeyCeremony.UseAsync(client, key, "/account/reauthenticate?returnUrl=%2Faccount%2Fpasskeys");
        Assert.Equal("/account/passkeys", confirmed.Location);
        Assert.Equal("/account/passkeys", (await PasskeyCeremony.RegisterAsync(client, second, "phone")).Location);
        Assert.Equal(2, await PasskeyCountAsync(user.Id));
        Assert.Contains("passkey", await AuditDetailsAsync("account.reauthenticated", user.Id));
    }

    [Fact]
    public async Task A_removed_passkey_no_longer_signs_in_and_the_sessions_it_opened_end()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-remove");
        using var _ = client;
        using var __ = key;
        using var elsewhere = _app.NewClient();
        await PasskeyCeremony.UseAsync(elsewhere, key);
        Assert.True(await SignedInAsync(elsewhere));

        var removed = await client.PostAsync("/account/passkeys/remove", [new("CredentialId", key.Id)]);
        Assert.Equal("/account/passkeys", removed.Location);
        Assert.Contains("The passkey has been removed", (await client.GetAsync("/account/passkeys")).Text);
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
        Assert.Single(await AuditDetailsAsync("account.passkey-removed", user.Id));
        var notice = await _app.Mail.WaitForMessageTo(user.Email!, count: 2);
        Assert.Contains("A passkey was removed from your account", notice.TextBody);

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await SignedInAsync(elsewhere));
        Assert.True(await SignedInAsync(client));
        using var later = _app.NewClient();
        await AssertRefusedAsync(later, await PasskeyCeremony.UseAsync(later, key));
    }

    [Fact]
    public async Task Only_the_owner_can_rename_or_remove_a_passkey()
    {
        var (user, owner, key) = await WithPasskeyAsync("pk-owner", "first name");
        using var _ = owner;
        using var __ = key;
        var (_, intruder) = await SignedInApplicantAsync("pk-intruder");
        using var ___ = intruder;

        await intruder.PostAsync("/account/passkeys/rename", [new("CredentialId", key.Id), new("Name", "mine now")]);
        await intruder.PostAsync("/account/passkeys/remove", [new("CredentialId", key.Id)]);
        Assert.Contains("This passkey no longer exists.", (await intruder.GetAsync("/account/passkeys")).Text);
        Assert.Equal(1, await PasskeyCountAsync(user.Id));
        Assert.Equal("first name", await _app.WithDbAsync(db => db.UserPasskeys.Where(p => p.UserId == user.Id).Select(p => p.Data.Name).SingleAsync()));

        Assert.Equal("/account/passkeys", (await owner.PostAsync("/account/passkeys/rename", [new("CredentialId", key.Id), new("Name", "desk computer")])).Location);
        Assert.Contains("desk computer", (await owner.GetAsync("/account/passkeys")).Text);
    }

    [Fact]
    public async Task The_data_export_lists_the_passkeys_by_name_and_deleting_the_account_deletes_them()
    {
        var (user, client, key) = await WithPasskeyAsync("pk-privacy", "my tablet");
        using var _ = client;
        using var __ = key;

        var export = await client.Http.GetStringAsync("/account/data.json");
        var passkey = Assert.Single(JsonDocument.Parse(export).RootElement.GetProperty("passkeys").EnumerateArray());
        Assert.Equal("my tablet", passkey.GetProperty("name").GetString());
        Assert.DoesNotContain("publickey", export, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("attestation", export, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)])).Status);
        Assert.Equal(0, await PasskeyCountAsync(user.Id));
        using var after = _app.NewClient();
        await AssertRefusedAsync(after, await PasskeyCeremony.UseAsync(after, key));
    }
}
