using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>The app with its background jobs off, so that only the crawler's requests change the database.</summary>
public sealed class QuietAppFactory : PrizeAppFactory
{
    public QuietAppFactory()
    {
        Settings["Mail:Dispatcher:Enabled"] = "false";
        Settings["Reminders:Enabled"] = "false";
        Settings["Results:ReleaseJob"] = "false";
    }

    /// <summary>Exceptions the app logged, so that a 500 is reported with its cause.</summary>
    public ConcurrentQueue<Exception> Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(Errors)));
    }

    private sealed class ErrorCollector(ConcurrentQueue<Exception> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel >= LogLevel.Error) errors.Enqueue(exception);
        }
        public void Dispose() { }
    }
}

/// <summary>
/// Every POST endpoint in the routing table, posted by the person it is for, with hostile values in every field of
/// its form (the form found on the app's own pages, plus every property the action binds): never a 500, never the
/// script echoed unescaped, never a redirect off the site, and when the input is refused, not one row changed.
/// A new endpoint is crawled the day it is added; one whose route the crawler cannot fill fails here, by name.
/// </summary>
public sealed class HostileInputCrawlerTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private IReadOnlyDictionary<string, string>? _fingerprint;
    private int _refusals;

    private sealed record Target(string Route, Audience Audience, ControllerActionDescriptor? Action, bool ChecksAntiforgery);

    private sealed record HostForm(string Url, Dictionary<string, FieldKind> Fields, string? Token);

    [Fact]
    public async Task No_POST_endpoint_fails_leaks_a_script_or_changes_data_on_hostile_input()
    {
        var scenario = await CrawlScenario.CreateAsync(app);
        var (targets, gets) = Endpoints();
        var failures = new List<string>();

        var forms = await HostFormsAsync(scenario, gets);
        var crawled = 0;
        var withForm = 0;
        foreach (var target in targets.OrderBy(t => t.Audience).ThenBy(t => Destructive(t.Route)).ThenBy(t => t.Route, StringComparer.Ordinal))
        {
            if (Url(scenario, target.Route) is not { } url)
            {
                failures.Add($"POST /{target.Route}: the crawler cannot fill its route parameters; teach CrawlScenario.RouteValue the new parameter name");
                continue;
            }
            var client = scenario.Clients[target.Audience];
            forms.TryGetValue(url, out var form);
            if (form is not null) withForm++;
            var fields = Fields(form, target.Action, target.Route);
            var token = form?.Token ?? await client.AntiforgeryTokenAsync();
            _fingerprint = null;

            foreach (var set in HostileValues.Sets)
            {
                var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, set.For(f.Value)))
                    .Append(new("__RequestVerificationToken", token));
                await PostAsync(client, target.Audience, url, set.Name, values, mustRefuse: false, failures);
            }
            if (target.ChecksAntiforgery)
            {
                var unprotected = fields.Select(f => new KeyValuePair<string, string>(f.Key, HostileValues.Sets[2].For(f.Value)));
                await PostAsync(client, target.Audience, url, "no antiforgery token", unprotected, mustRefuse: true, failures);
            }
            crawled++;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(crawled >= 50, $"only {crawled} POST endpoints crawled");
        Assert.True(withForm >= 20, $"only {withForm} endpoints' forms were found on the app's pages");
        Assert.True(_refusals >= crawled * 3, $"only {_refusals} refusals in {crawled} endpoints: the crawler no longer recognises a refused form");
    }

    private async Task PostAsync(TestClient client, Audience audience, string url, string what, IEnumerable<KeyValuePair<string, string>> values, bool mustRefuse, List<string> failures)
    {
        // The fingerprint taken after a refusal is still true before the next post: nothing else writes in between.
        var before = _fingerprint ?? await DatabaseFingerprint.TakeAsync(app);
        _fingerprint = null;
        var response = await client.Http.PostAsync(url, HostileValues.Form(values));
        var html = await response.Content.ReadAsStringAsync();
        var label = $"POST {url} ({what}) as {audience}";
        var status = (int)response.StatusCode;

        if (status >= 500)
            failures.Add($"{label}: {status} {(app.Errors.TryPeek(out var error) ? error.GetType().Name + ": " + error.Message.Split('\n')[0] + (error is NullReferenceException ? error.StackTrace?.Split('\n')[0] : "") : "")}");
        app.Errors.Clear();
        if (html.Contains(HostileValues.Script, StringComparison.OrdinalIgnoreCase)) failures.Add($"{label}: the script came back unescaped");
        if (mustRefuse && response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{label}: {status}, expected 400");

        var refused = status >= 400 || (status == 200 && Parser.ParseDocument(html).QuerySelector(".error-summary, .field-error") is not null);
        if (response.Headers.Location is { } location)
        {
            var target = location.OriginalString;
            if (!IsLocal(target)) failures.Add($"{label}: redirects off the site to {target}");
            else
            {
                // A small button refuses by redirecting back with the reason as a flash message.
                var next = await client.GetAsync(target);
                if (next.Html.Contains(HostileValues.Script, StringComparison.OrdinalIgnoreCase)) failures.Add($"{label}: the script came back unescaped on {target}");
                refused |= next.Document.QuerySelector(".flash-error") is not null;
            }
        }
        if (!refused) return;
        _refusals++;
        _fingerprint = await DatabaseFingerprint.TakeAsync(app);
        var changed = DatabaseFingerprint.Changed(before, _fingerprint);
        if (changed.Count > 0) failures.Add($"{label}: refused with {status} but changed {string.Join(", ", changed)}");
    }

    private static bool IsLocal(string location) =>
        location.StartsWith("https://localhost/", StringComparison.Ordinal)
        || (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal));

    /// <summary>Endpoints that end something (withdraw, delete, close…) go last in their audience, so the others still find their data.</summary>
    private static bool Destructive(string route) =>
        Regex.IsMatch(route, @"/(withdraw|delete|revoke|remove|close|discard|cancel|decline|logout|roles|release|publish|unlock|lock|clear)$");

    private (List<Target> Posts, List<(string Route, Audience Audience)> Gets) Endpoints()
    {
        app.CreateClient().Dispose();
        var endpoints = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null).ToList();
        Target ToTarget(RouteEndpoint e) => new(e.RoutePattern.RawText!.TrimStart('/'), AudienceOf(e),
            e.Metadata.GetMetadata<ControllerActionDescriptor>(), e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is null);
        var posts = endpoints.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("POST")).Select(ToTarget).ToList();
        var gets = endpoints.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("GET")).Select(ToTarget)
            .Select(t => (t.Route, t.Audience)).ToList();
        return (posts, gets);
    }

    private static Audience AudienceOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Audience.Anonymous;
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var roles = authorize.SelectMany(a => a.Roles?.Split(',') ?? []).ToList();
        if (roles.Contains(Roles.Secretariat)) return Audience.Secretariat;
        if (roles.Contains(Roles.Juror)) return Audience.Juror;
        return authorize.Count > 0 ? Audience.Applicant : Audience.Anonymous;
    }

    private static string? Url(CrawlScenario scenario, string route)
    {
        var unknown = false;
        var path = Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", m =>
        {
            var value = scenario.RouteValue(route, m.Groups[1].Value, m.Groups[2].Value);
            unknown |= value is null;
            return Uri.EscapeDataString(value ?? "");
        });
        return unknown ? null : "/" + path;
    }

    /// <summary>Every form on the pages each audience can open, by the URL it posts to.</summary>
    private static async Task<Dictionary<string, HostForm>> HostFormsAsync(CrawlScenario scenario, List<(string Route, Audience Audience)> gets)
    {
        var forms = new Dictionary<string, HostForm>(StringComparer.OrdinalIgnoreCase);
        foreach (var (route, audience) in gets.Distinct())
        {
            if (Url(scenario, route) is not { } url || Regex.IsMatch(url, @"\.(csv|xlsx|json|atom)$|/html(/|$)|/files/|/attachments/[0-9a-f-]{36}$")) continue;
            var page = await scenario.Clients[audience].GetAsync(url);
            if (page.Status != HttpStatusCode.OK || page.Response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var form in page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = (form.GetAttribute("action") is { Length: > 0 } a ? a : url).Split('?')[0];
                if (forms.ContainsKey(action)) continue;
                var fields = new Dictionary<string, FieldKind>(StringComparer.OrdinalIgnoreCase);
                foreach (var element in form.Elements)
                {
                    var (name, kind) = element switch
                    {
                        IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" => (null, FieldKind.Text),
                        IHtmlInputElement input => (input.Name, KindOf(input.Type)),
                        IHtmlSelectElement select => (select.Name, FieldKind.Choice),
                        IHtmlTextAreaElement area => (area.Name, FieldKind.Text),
                        _ => (null, FieldKind.Text),
                    };
                    if (!string.IsNullOrEmpty(name) && name != "__RequestVerificationToken") fields.TryAdd(name, kind);
                }
                var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
                forms[action] = new HostForm(url, fields, token);
            }
        }
        return forms;
    }

    private static FieldKind KindOf(string inputType) => inputType switch
    {
        "number" or "range" => FieldKind.Number,
        "date" or "datetime-local" or "time" or "month" or "week" => FieldKind.Date,
        "checkbox" => FieldKind.Boolean,
        "radio" => FieldKind.Choice,
        _ => FieldKind.Text,
    };

    /// <summary>The host form's fields, then every value the action binds that the form did not show.</summary>
    private static Dictionary<string, FieldKind> Fields(HostForm? form, ControllerActionDescriptor? action, string route)
    {
        var fields = new Dictionary<string, FieldKind>(form?.Fields ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action?.Parameters ?? [])
        {
            if (route.Contains("{" + parameter.Name, StringComparison.Ordinal)) continue;
            foreach (var (name, kind) in Bound(parameter.Name, parameter.ParameterType, depth: 0)) fields.TryAdd(name, kind);
        }
        return fields;
    }

    private static IEnumerable<(string Name, FieldKind Kind)> Bound(string name, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(CancellationToken) || type.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true) yield break;
        if (Simple(type) is { } kind)
        {
            yield return (name, kind);
            yield break;
        }
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is not null)
        {
            if (Simple(Nullable.GetUnderlyingType(element) ?? element) is { } elementKind) yield return (name, elementKind);
            else if (depth < 3) foreach (var inner in Bound(name + "[0]", element, depth + 1)) yield return inner;
            yield break;
        }
        if (depth >= 3 || !type.IsClass) yield break;
        // The action's model binds with an empty prefix (fields named "Email", not "command.Email").
        var prefix = depth == 0 ? "" : name + ".";
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsCollection(p.PropertyType)))
            foreach (var inner in Bound(prefix + property.Name, property.PropertyType, depth + 1))
                yield return inner;
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static FieldKind? Simple(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(Guid) => FieldKind.Text,
        _ when type == typeof(bool) => FieldKind.Boolean,
        _ when type.IsEnum => FieldKind.Choice,
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) => FieldKind.Date,
        _ when type.IsPrimitive || type == typeof(decimal) => FieldKind.Number,
        _ => null,
    };
}
