using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class PasskeyTests : IClassFixture<PrizeAppFactory>
{
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

    [Fact]
    public async Task A_passkey_added_on_the_security_page_signs_in_a_new_browser_without_password_or_code()
    {
        var (user, client) = await SignedInApplicantAsync("pk-add");
        using var key = new SoftwarePasskey();

        var added = await PasskeyCeremony.RegisterAsync(client, key, "work laptop");
        Assert.Equal("/account/passkeys", added.Location);
        var list = await client.GetAsync("/account/passkeys");
        Assert.True(list.Text.Contains("Your passkey has been added"), list.Text);
        Assert.Contains("work laptop", list.Text);

        using var other = _app.NewClient();
        var signedIn = await PasskeyCeremony.UseAsync(other, key);
        Assert.Equal("/", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/security")).Status);
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "account.signed-in" && a.Subject == $"user:{user.Id}" && a.Details == "passkey")));
        client.Dispose();
    }
}
