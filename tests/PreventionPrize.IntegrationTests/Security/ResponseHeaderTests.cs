using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class ResponseHeaderTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public ResponseHeaderTests(PrizeAppFactory app) => _app = app;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/entries", HttpStatusCode.Redirect)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/site.js", HttpStatusCode.OK)]
    [InlineData("/winners", HttpStatusCode.OK)]
    [InlineData("/winners.json", HttpStatusCode.OK)]
    [InlineData("/winners.atom", HttpStatusCode.OK)]
    [InlineData("/winners.csv", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = _app.NewClient();
        var response = await client.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        SecurityAssertions.AssertSecurityHeaders(response, path);
    }

    [Fact]
    public async Task A_downloaded_file_and_a_refused_form_carry_them_too()
    {
        var (owner, entry) = await _app.ApplicantWithEntryAsync();
        using var _ = owner;
        await owner.UploadAsync($"/entries/{entry.Id}/attachments", "report.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")]);
        var file = await _app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.EntryId == entry.Id));

        var download = await owner.Http.GetAsync($"/entries/{entry.Id}/attachments/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        SecurityAssertions.AssertSecurityHeaders(download, "download");
        Assert.StartsWith("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // A POST without its antiforgery token: the 400 page is re-executed, and keeps the headers.
        var refused = await owner.Http.PostAsync($"/entries/{entry.Id}/withdraw", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        SecurityAssertions.AssertSecurityHeaders(refused, "400");
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
    public async Task Every_cookie_the_app_sets_is_host_only_secure_http_only_and_same_site()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        using var _ = client;
        using var newcomer = _app.NewClient();
        var responses = new[]
        {
            (await newcomer.GetAsync("/account/login")).Response,          // antiforgery
            (await client.SwitchLanguageAsync("fr")).Response,             // culture
            (await client.PostAsync($"/entries/{entry.Id}/withdraw")).Response, // temp data (the flash message)
            (await client.PostAsync("/account/logout")).Response,          // authentication, removed
        };
        var cookies = responses.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            .Select(c => c.Split(';', StringSplitOptions.TrimEntries))
            .Select(parts => (Name: parts[0].Split('=')[0], Attributes: parts.Skip(1).Select(a => a.ToLowerInvariant()).ToList()))
            .ToList();

        var expected = new Dictionary<string, string>
        {
            ["__Host-pp-af"] = "samesite=strict",
            ["__Host-pp-culture"] = "samesite=lax",
            ["__Host-pp-tmp"] = "samesite=lax",
            ["__Host-pp-auth"] = "samesite=lax",
            ["__Host-pp-ext"] = "samesite=lax",
            ["__Host-pp-2fa"] = "samesite=lax",
            ["__Host-pp-2fa-remember"] = "samesite=lax",
        };
        Assert.All(expected.Keys.Take(4), name => Assert.Contains(cookies, c => c.Name == name));
        Assert.All(cookies, c =>
        {
            Assert.True(expected.ContainsKey(c.Name), $"unexpected cookie {c.Name}");
            Assert.Contains("secure", c.Attributes);
            Assert.Contains("httponly", c.Attributes);
            Assert.Contains("path=/", c.Attributes);
            Assert.Contains(expected[c.Name], c.Attributes);
            Assert.DoesNotContain(c.Attributes, a => a.StartsWith("domain="));
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
