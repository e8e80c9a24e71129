using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// Every endpoint that requires the Secretariat role is found from the app's own routing table, so a new
/// Secretariat page is covered the day it is added, and each is tried as an anonymous visitor, an applicant and a juror.
/// </summary>
public sealed class SecretariatAuthorizationTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public SecretariatAuthorizationTests(PrizeAppFactory app) => _app = app;

    public static TheoryData<string> Roles_that_must_be_refused => new() { "anonymous", Roles.Applicant, Roles.Juror };

    private IReadOnlyList<(string Method, string Path)> SecretariatEndpoints()
    {
        _app.CreateClient().Dispose(); // start the host so the routing table exists
        var sources = _app.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Roles?.Split(',').Contains(Roles.Secretariat) == true))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, "/" + SampleValues(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
    }

    /// <summary>Fills route parameters with values their constraints accept, so the request reaches authorization.</summary>
    private static string SampleValues(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
    {
        "code" => "DPP-2099",
        "userId" => "some-user",
        "decision" => "retry",
        "language" => "en",
        "kind" => "account.confirm",
        _ when m.Groups[2].Value.Contains("guid") => "0b0f6bd4-4a0e-4c1a-9d5e-2f1f6f0a9b11",
        _ when m.Groups[2].Value.Contains("int") || m.Groups[1].Value == "id" => "1",
        _ => "sample",
    });

    [Fact]
    public void The_Secretariat_endpoints_are_found()
    {
        var endpoints = SecretariatEndpoints();
        Assert.Contains(("GET", "/secretariat/calls"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/open"), endpoints);
        Assert.Contains(("POST", "/secretariat/users/some-user/roles"), endpoints);
        Assert.Contains(("GET", "/secretariat/outbox"), endpoints);
        Assert.Contains(("POST", "/secretariat/outbox/0b0f6bd4-4a0e-4c1a-9d5e-2f1f6f0a9b11/retry"), endpoints);
        Assert.Contains(("POST", "/secretariat/outbox/bulk/new"), endpoints);
        Assert.Contains(("GET", "/secretariat/outbox/templates/account.confirm/en/html"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/entries"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/entries.csv"), endpoints);
        Assert.Contains(("GET", "/secretariat/entries/1"), endpoints);
        Assert.Contains(("POST", "/secretariat/entries/1/screen"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/jury"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/jury/invite"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/jury/1/revoke"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/conflicts"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/conflicts/1/pin"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/conflicts/1/clear"), endpoints);
        Assert.True(endpoints.Count >= 17, $"only {endpoints.Count} endpoints found");
    }

    [Theory]
    [MemberData(nameof(Roles_that_must_be_refused))]
    public async Task Every_Secretariat_endpoint_refuses(string role)
    {
        using var client = role == "anonymous" ? _app.NewClient() : await _app.SignedInAsync(role);
        var failures = new List<string>();
        foreach (var (method, path) in SecretariatEndpoints())
        {
            var page = method == "POST" ? await client.PostAsync(path) : await client.GetAsync(path);
            var expected = role == "anonymous" ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
            var location = page.Location ?? "";
            var refused = page.Status == expected && (role != "anonymous" || location.Contains("/account/login"))
                || (role != "anonymous" && page.Status == HttpStatusCode.Redirect && location.Contains("/account/access-denied"));
            if (!refused) failures.Add($"{method} {path} as {role}: {(int)page.Status} {location}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_Secretariat_itself_gets_in()
    {
        using var client = await _app.SignedInAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/calls")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/calls/new")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/users")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/outbox")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/outbox/templates")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/outbox/bulk/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/secretariat/outbox/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/secretariat/calls/NO-SUCH-CALL")).Status);
    }
}
