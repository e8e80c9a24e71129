using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// Every endpoint that requires the Secretariat role is found from the app's own routing table, so a new
/// Secretariat page is covered the day it is added, and each is tried as an anonymous visitor, an applicant and a juror.
/// </summary>
public sealed partial class SecretariatAuthorizationTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public SecretariatAuthorizationTests(PrizeAppFactory app) => _app = app;

    public static TheoryData<string> Roles_that_must_be_refused => new() { "anonymous", Roles.Applicant, Roles.Juror };

    /// <summary>A value for each route parameter; a new parameter name fails loudly here until it is given one.</summary>
    private static readonly Dictionary<string, string> SampleValues = new()
    {
        ["code"] = "DPP-2099",
        ["userId"] = "some-user",
        ["id"] = "1",
    };

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    private IReadOnlyList<(string Method, string Path)> SecretariatEndpoints()
    {
        _app.CreateClient().Dispose(); // start the host so the routing table exists
        var sources = _app.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Roles?.Split(',').Contains(Roles.Secretariat) == true))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, "/" + RouteParameter().Replace(e.RoutePattern.RawText!, p => SampleValues[p.Groups[1].Value]))))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void The_Secretariat_endpoints_are_found()
    {
        var endpoints = SecretariatEndpoints();
        Assert.Contains(("GET", "/secretariat/calls"), endpoints);
        Assert.Contains(("POST", "/secretariat/calls/DPP-2099/open"), endpoints);
        Assert.Contains(("POST", "/secretariat/users/some-user/roles"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/entries"), endpoints);
        Assert.Contains(("GET", "/secretariat/calls/DPP-2099/entries.csv"), endpoints);
        Assert.Contains(("GET", "/secretariat/entries/1"), endpoints);
        Assert.Contains(("POST", "/secretariat/entries/1/screen"), endpoints);
        Assert.True(endpoints.Count >= 13, $"only {endpoints.Count} endpoints found");
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
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/secretariat/calls/NO-SUCH-CALL")).Status);
    }
}
