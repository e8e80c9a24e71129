using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// The app with production-like small limits, behind a proxy at 10.0.0.5. The test host has no sockets, so each
/// client names the address its connection comes from in <see cref="PeerHeader"/>, which the test host (not the app)
/// turns into the connection's remote address before the app's pipeline runs.
/// </summary>
public sealed class RateLimitedAppFactory : PrizeAppFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.5";

    public RateLimitedAppFactory()
    {
        Settings["RateLimits:SignIn:PermitLimit"] = "3";
        Settings["RateLimits:Registration:PermitLimit"] = "2";
        Settings["RateLimits:Upload:PermitLimit"] = "2";
        Settings["Security:KnownProxies:0"] = Proxy;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    }

    public TestClient ClientFrom(string peer, string? forwardedFor = null)
    {
        var client = NewClient();
        client.Http.DefaultRequestHeaders.Add(PeerHeader, peer);
        if (forwardedFor is not null) client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "192.0.2.1");
                return nextStep(context);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    private static Task<Page> WrongSignInAsync(TestClient client) =>
        client.SubmitAsync("/account/login", [new("Email", "nobody@example.org"), new("Password", "not the password at all")]);

    [Fact]
    public async Task Sign_in_is_refused_past_the_limit_with_retry_after_and_a_page_in_the_readers_language()
    {
        using var client = app.ClientFrom("198.51.100.10");
        await client.SwitchLanguageAsync("fr");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await WrongSignInAsync(client)).Status);
        var refused = await WrongSignInAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var retryAfter = int.Parse(refused.Response.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Trop de demandes", refused.Text);
        Assert.Contains("Attendez", refused.Text);
        Assert.Contains("secondes", refused.Text);
        SecurityAssertions.AssertSecurityHeaders(refused.Response, "429");

        // Another address is counted on its own.
        using var other = app.ClientFrom("198.51.100.11");
        Assert.Equal(HttpStatusCode.OK, (await WrongSignInAsync(other)).Status);
    }

    [Fact]
    public async Task Passkey_answers_share_the_sign_in_limit()
    {
        using var client = app.ClientFrom("198.51.100.12");
        using var stranger = new SoftwarePasskey();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await PasskeyCeremony.UseAsync(client, stranger)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PasskeyCeremony.UseAsync(client, stranger)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongSignInAsync(client)).Status);
    }

    [Fact]
    public async Task A_refused_registration_creates_no_account_and_says_how_many_minutes_to_wait()
    {
        using var client = app.ClientFrom("198.51.100.20");
        for (var i = 0; i < 2; i++)
            await client.SubmitAsync("/account/register", [new("Email", $"first-{i}-{Guid.NewGuid():N}@example.org"),
                new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        var email = $"third-{Guid.NewGuid():N}@example.org";

        var refused = await client.SubmitAsync("/account/register", [new("Email", email),
            new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.InRange(int.Parse(refused.Response.Headers.GetValues("Retry-After").Single()), 120, 3600);
        Assert.Matches(@"Wait \d+ minutes, then try again", refused.Text);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Uploads_are_counted_per_account_and_a_script_gets_the_reason_in_json()
    {
        var (first, entry) = await app.ApplicantWithEntryAsync();
        var url = $"/entries/{entry.Id}/attachments";
        first.Http.DefaultRequestHeaders.Add(RateLimitedAppFactory.PeerHeader, "198.51.100.30");
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await first.UploadAsync(url, $"p{i}.pdf", SampleFiles.Pdf(), fromScript: true)).Status);

        var refused = await first.UploadAsync(url, "p3.pdf", SampleFiles.Pdf(), fromScript: true);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.Response.Headers.Contains("Retry-After"));
        var error = JsonDocument.Parse(refused.Html).RootElement.GetProperty("error").GetString();
        Assert.Contains("try again", error);

        // A second applicant on the same address (an office behind one router) still uploads.
        var (second, hisEntry) = await app.ApplicantWithEntryAsync();
        second.Http.DefaultRequestHeaders.Add(RateLimitedAppFactory.PeerHeader, "198.51.100.30");
        Assert.NotEqual(HttpStatusCode.TooManyRequests,
            (await second.UploadAsync($"/entries/{hisEntry.Id}/attachments", "p.pdf", SampleFiles.Pdf(), fromScript: true)).Status);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task A_client_that_is_not_a_browser_gets_a_line_of_text()
    {
        using var client = app.ClientFrom("198.51.100.40");
        for (var i = 0; i < 3; i++) await WrongSignInAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Accept.ParseAdd("text/plain");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^Too many attempts .* Wait \d+ seconds, then try again\.$", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task X_Forwarded_For_names_the_client_only_when_the_configured_proxy_sends_it()
    {
        // Through the proxy: each forwarded address has its own allowance.
        for (var i = 0; i < 5; i++)
        {
            using var behindProxy = app.ClientFrom(RateLimitedAppFactory.Proxy, forwardedFor: $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.OK, (await WrongSignInAsync(behindProxy)).Status);
        }

        // From anywhere else the header is ignored: changing it does not buy new attempts.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var spoofing = app.ClientFrom("198.51.100.50", forwardedFor: $"203.0.113.{100 + i}");
            statuses.Add((await WrongSignInAsync(spoofing)).Status);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task With_no_proxy_configured_no_sender_is_trusted()
    {
        // ASP.NET Core trusts every sender when both lists are empty; the app must not read the header at all then.
        await using var untrusting = new RateLimitedAppFactory();
        untrusting.Settings.Remove("Security:KnownProxies:0");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = untrusting.ClientFrom(RateLimitedAppFactory.Proxy, forwardedFor: $"203.0.113.{i + 1}");
            statuses.Add((await WrongSignInAsync(client)).Status);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public void The_abused_endpoints_carry_their_policies()
    {
        app.CreateClient().Dispose();
        var policies = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Policy: e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName))
            .Where(e => e.Policy is not null)
            .ToList();

        Assert.Contains(("/account/login", RateLimits.SignIn), policies);
        // Every form that checks a password or a second factor is a guessing target too.
        Assert.Contains(("/account/login/two-factor", RateLimits.SignIn), policies);
        Assert.Contains(("/account/login/recovery-code", RateLimits.SignIn), policies);
        Assert.Contains(("/account/reauthenticate", RateLimits.SignIn), policies);
        Assert.Contains(("/account/security/password", RateLimits.SignIn), policies);
        Assert.Contains(("/account/delete", RateLimits.SignIn), policies);
        Assert.Contains(("/account/login/passkey", RateLimits.SignIn), policies);
        Assert.Contains(("/account/reauthenticate/passkey", RateLimits.SignIn), policies);
        Assert.Contains(("/account/register", RateLimits.Registration), policies);
        Assert.Contains(("/account/forgot-password", RateLimits.PasswordReset), policies);
        Assert.Contains(("/account/reset-password", RateLimits.PasswordReset), policies);
        Assert.Contains(("/account/resend-confirmation", RateLimits.ConfirmationMail), policies);
        Assert.Contains(("/entries/{entryId:int}/attachments", RateLimits.Upload), policies);
        Assert.Contains(("/entries/{id:int}/submit", RateLimits.Submit), policies);
    }
}
