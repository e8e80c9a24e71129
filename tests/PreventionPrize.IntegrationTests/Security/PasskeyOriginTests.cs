using System.Net;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// With the public address configured (production), a passkey answer must have been made on that origin: the request's
/// own Origin header, which whoever sends the request writes, is not enough.
/// </summary>
public sealed class PasskeyOriginTests : IClassFixture<PasskeyOriginTests.PublicApp>
{
    public sealed class PublicApp : PrizeAppFactory
    {
        public PublicApp() => Settings["App:PublicBaseUrl"] = "https://localhost";
    }

    private readonly PublicApp _app;

    public PasskeyOriginTests(PublicApp app) => _app = app;

    [Fact]
    public async Task An_answer_made_for_another_origin_is_refused_even_when_the_request_claims_that_origin()
    {
        var email = $"pk-origin-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var key = new SoftwarePasskey();
        using (var owner = _app.NewClient())
        {
            await owner.SignInAsync(email);
            Assert.Equal("/account/passkeys", (await PasskeyCeremony.RegisterAsync(owner, key)).Location);
        }

        // A script relaying the ceremony from another site: it signs with that site's origin and says so in the header.
        key.Origin = "https://prize-login.example";
        using var relay = _app.NewClient();
        relay.Http.DefaultRequestHeaders.Remove("Origin");
        relay.Http.DefaultRequestHeaders.Add("Origin", key.Origin);
        var refused = await PasskeyCeremony.UseAsync(relay, key);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This passkey could not be used. Try again, or use your password.", refused.Errors);

        key.Origin = "https://localhost";
        using var genuine = _app.NewClient();
        Assert.Equal("/", (await PasskeyCeremony.UseAsync(genuine, key)).Location);
    }
}
