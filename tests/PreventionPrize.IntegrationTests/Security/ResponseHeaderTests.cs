using System.Net;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class ResponseHeaderTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public ResponseHeaderTests(PrizeAppFactory app) => _app = app;

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _app.NewClient();
        var response = (await client.GetAsync(path)).Response;

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Hsts_asks_for_a_year_outside_development()
    {
        // UseHsts leaves out localhost, so ask as the public host would be asked.
        using var client = _app.CreateClient(new() { BaseAddress = new Uri("https://prize.example") });
        var response = await client.GetAsync("/");
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Cookies_are_host_prefixed_secure_and_http_only()
    {
        using var client = _app.NewClient();
        var email = $"cookies-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Core.Accounts.Roles.Applicant);

        var login = await client.GetAsync("/account/login");
        var posted = await client.SubmitAsync(login, [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        var cookies = login.Response.Headers.GetValues("Set-Cookie").Concat(posted.Response.Headers.GetValues("Set-Cookie")).ToList();

        Assert.Contains(cookies, c => c.StartsWith("__Host-pp-af="));
        Assert.Contains(cookies, c => c.StartsWith("__Host-pp-auth="));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_health_endpoint_checks_the_database()
    {
        using var client = _app.NewClient();
        var response = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_in_the_readers_language()
    {
        using var client = _app.NewClient();
        await client.SwitchLanguageAsync("fr");
        var page = await client.GetAsync("/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page introuvable", page.Html);
    }

    [Fact]
    public async Task The_language_switch_refuses_to_redirect_elsewhere()
    {
        using var client = _app.NewClient();
        var page = await client.PostAsync("/language", [new("culture", "fr"), new("returnUrl", "https://evil.example/")]);
        Assert.Equal("/", page.Location);
        var bad = await client.PostAsync("/language", [new("culture", "de"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }
}
