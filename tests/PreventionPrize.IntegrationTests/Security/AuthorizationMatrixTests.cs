using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using static PreventionPrize.IntegrationTests.Security.Access;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>What a visitor gets from an endpoint, as the matrix states it.</summary>
public enum Access
{
    /// <summary>
    /// 2xx, a redirect to anything but the sign-in and access-denied pages, or 409 (the handler refused on a business
    /// rule, e.g. autosaving an entry already submitted): the request got through to the handler.
    /// </summary>
    Allowed,
    /// <summary>A redirect to /account/login: not signed in.</summary>
    SignIn,
    /// <summary>403, or a redirect to /account/access-denied: signed in without the role.</summary>
    Forbidden,
    /// <summary>404: the thing does not exist for this visitor (existence must not leak).</summary>
    NotFound,
}

/// <summary>
/// The authorization matrix: every endpoint of the app's routing table, each HTTP method it accepts, tried as seven
/// visitors in a world with real ids (<see cref="AuthorizationScenario"/>), POSTs carrying a valid antiforgery token so
/// that authorization, not antiforgery, decides. A new endpoint fails the test until the matrix says who may reach it.
/// </summary>
/// <remarks>
/// HOW TO ADD AN ENDPOINT. Run the test; it names every endpoint the matrix does not cover. Then either it falls under
/// a rule in <see cref="Rules"/> (first matching prefix wins) and nothing is to do, or add ONE line to
/// <see cref="Rows"/>, keyed by method and route template exactly as the failure message prints them, with the seven
/// outcomes in column order (anonymous, owner, other applicant, assigned juror, conflicted juror, unassigned juror,
/// Secretariat), e.g.
/// <code>["GET /account/security"] = Row(SignIn, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, "any account's own page"),</code>
/// If the route has a parameter the world cannot fill, teach <c>AuthorizationScenario.ValueAsync</c>; if the POST needs
/// a field to get past validation to the handler, add it to <see cref="Forms"/>; if it changes who the visitor is
/// (signs out, grants a role, deletes the account), add it to <see cref="RunLast"/>. Then regenerate the document:
/// <c>PP_WRITE_DOCS=1 dotnet test tests/PreventionPrize.IntegrationTests --filter "FullyQualifiedName~AuthorizationMatrixTests"</c>.
/// Write what a secure product must answer, never what the app happens to answer: a difference is a finding.
/// Only role-wide areas have rules (/secretariat/, /jury, /entries/, /certificates/, /winners); anything else, /account/
/// included, needs its row, so a new page is never public by accident. For instance: an account's own pages (security,
/// two-factor set-up, re-authentication, its data, deleting it) are <c>AnyAccount</c>; a page that stands in the
/// middle of signing in (a second-factor step) or a policy page (/privacy) is <c>Public</c>; everything under
/// /secretariat/ (audit, disabling users) is already covered by its rule.
/// </remarks>
public sealed class AuthorizationMatrixTests(PrizeAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PrizeAppFactory>
{
    /// <summary>The outcomes for the seven visitors, in the order of <see cref="Visitor"/>.</summary>
    public sealed record Expect(Access[] ByVisitor, string Why)
    {
        public Access this[Visitor visitor] => ByVisitor[(int)visitor];
    }

    private static Expect Row(Access anonymous, Access owner, Access otherApplicant, Access assignedJuror, Access conflictedJuror,
        Access unassignedJuror, Access secretariat, string why = "") =>
        new([anonymous, owner, otherApplicant, assignedJuror, conflictedJuror, unassignedJuror, secretariat], why);

    private static readonly Expect Public = Row(Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, "public");
    private static readonly Expect AnyAccount = Row(SignIn, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, "any signed-in account");
    private static readonly Expect MidSignIn = Row(SignIn, SignIn, SignIn, SignIn, SignIn, SignIn, SignIn, "only between the password and the second factor; anyone else is sent to sign in");
    private static readonly Expect SecretariatOnly = Row(SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed, "Secretariat role");
    private static readonly Expect JuryMembers = Row(SignIn, Forbidden, Forbidden, Allowed, Allowed, Allowed, Forbidden, "Juror role, member of the call's jury");
    private static readonly Expect AssignedJurorOnly = Row(SignIn, Forbidden, Forbidden, Allowed, NotFound, NotFound, Forbidden, "Juror role, assigned and not conflicted; 404 otherwise");
    private static readonly Expect OwnerOnly = Row(SignIn, Allowed, NotFound, NotFound, NotFound, NotFound, NotFound, "the entry's owner; 404 for anyone else");
    private static readonly Expect OwnerAndSecretariat = Row(SignIn, Allowed, NotFound, NotFound, NotFound, NotFound, Allowed, "the entry's owner and the Secretariat; 404 for anyone else");

    /// <summary>Rules by route-template prefix; the first that matches wins, and a row in <see cref="Rows"/> overrides them.</summary>
    private static readonly (string Prefix, Expect Expect)[] Rules =
    [
        ("/secretariat/", SecretariatOnly),
        ("/jury/invitations/{token}", Public with { Why = "the invitation token is the credential" }),
        ("/jury/{code}/entries/{reference}", AssignedJurorOnly),
        ("/jury", JuryMembers),
        ("/entries/", OwnerOnly),
        ("/certificates/", OwnerAndSecretariat with { Why = "the winning entry's owner (after the release) and the Secretariat; 404 for anyone else" }),
        ("/winners", Public),
    ];

    /// <summary>One line per endpoint that no rule covers, or that answers otherwise than its rule.</summary>
    private static readonly Dictionary<string, Expect> Rows = new()
    {
        ["GET /"] = Public,
        ["GET /calls/{code}"] = Public,
        ["GET /calls/{code}/apply"] = AnyAccount,
        ["POST /calls/{code}/apply"] = AnyAccount,
        ["GET /account/register"] = Public,
        ["POST /account/register"] = Public,
        ["GET /account/confirm"] = Public,
        ["GET /account/resend-confirmation"] = Public,
        ["POST /account/resend-confirmation"] = Public,
        ["GET /account/login"] = Public,
        ["POST /account/login"] = Public,
        ["POST /account/logout"] = Public,
        ["GET /account/forgot-password"] = Public,
        ["POST /account/forgot-password"] = Public,
        ["GET /account/reset-password"] = Public,
        ["POST /account/reset-password"] = Public,
        ["GET /health"] = Public,
        ["POST /health"] = Public with { Why = "public; the health check answers any method" },
        ["POST /language"] = Public,
        ["GET /error/{status:int?}"] = Row(NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, "the error page answers the status it shows (404 here)"),
        ["POST /error/{status:int?}"] = Row(NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, "the error page answers the status it shows (404 here)"),
        ["GET /privacy"] = Public with { Why = "public; the privacy notice" },
        ["GET /account/data"] = AnyAccount with { Why = "any account's own data" },
        ["GET /account/data.json"] = AnyAccount with { Why = "any account's own data, always the signed-in person's" },
        ["GET /account/delete"] = AnyAccount with { Why = "any account's own deletion" },
        ["POST /account/delete"] = AnyAccount with { Why = "any account deletes itself (password required; here refused without it)" },
        ["GET /account/confirm-email-change"] = Public with { Why = "public; the link's token is the credential" },
        ["GET /account/login/two-factor"] = MidSignIn,
        ["POST /account/login/two-factor"] = MidSignIn,
        ["GET /account/login/recovery-code"] = MidSignIn,
        ["POST /account/login/recovery-code"] = MidSignIn,
        ["GET /account/reauthenticate"] = AnyAccount,
        ["POST /account/reauthenticate"] = AnyAccount,
        ["GET /account/security"] = AnyAccount with { Why = "any account's own security page" },
        ["GET /account/security/password"] = AnyAccount,
        ["POST /account/security/password"] = AnyAccount,
        ["GET /account/security/email"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/security/email"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["GET /account/two-factor"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/two-factor"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/two-factor/recovery-codes"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/two-factor/disable"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/login/passkey/options"] = Public with { Why = "public: a challenge naming no account" },
        ["POST /account/login/passkey"] = Public,
        ["POST /account/reauthenticate/passkey/options"] = AnyAccount with { Why = "any account; lists only its own passkeys" },
        ["POST /account/reauthenticate/passkey"] = AnyAccount with { Why = "any account; only its own passkey confirms it" },
        ["GET /account/passkeys"] = AnyAccount with { Why = "any account's own passkeys" },
        ["POST /account/passkeys/options"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/passkeys"] = AnyAccount with { Why = "any account; asks for the password again first" },
        ["POST /account/passkeys/rename"] = AnyAccount with { Why = "any account; only its own passkeys (others: not found)" },
        ["POST /account/passkeys/remove"] = AnyAccount with { Why = "any account; only its own passkeys (others: not found); asks for the password again first" },
        ["GET /account/access-denied"] = Row(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, "the access-denied page answers 403"),
        ["GET /entries"] = AnyAccount with { Why = "any account's own entries" },
        ["GET /entries/{id:int}"] = OwnerAndSecretariat,
        ["GET /entries/{id:int}/withdraw"] = OwnerAndSecretariat with { Why = "a read of the entry, which the Secretariat may read; only the owner may withdraw (POST)" },
        ["GET /entries/{entryId:int}/attachments"] = OwnerAndSecretariat,
        ["GET /entries/{entryId:int}/attachments/{id:guid}"] = OwnerAndSecretariat,
    };

    /// <summary>Fields a POST needs to reach its handler at all (beyond the antiforgery token).</summary>
    private static readonly Dictionary<string, KeyValuePair<string, string>[]> Forms = new()
    {
        ["POST /language"] = [new("culture", "en"), new("returnUrl", "/")],
    };

    /// <summary>
    /// Endpoints that change who the visitor is, or remove what other endpoints are tried on; they run after every
    /// other, in this order. (Each visitor has a world of its own, so this is about a visitor's own later requests.)
    /// </summary>
    private static readonly string[] RunLast =
    [
        "POST /secretariat/rounds/{roundId:int}/assignments/{assignmentId:int}/remove",
        "POST /jury/invitations/{token}/decline",
        "POST /jury/invitations/{token}/accept",
        "POST /account/logout",
    ];

    public sealed record Endpoint(string Method, string Template)
    {
        public override string ToString() => $"{Method} {Template}";
    }

    private static Expect? ExpectationFor(Endpoint endpoint) =>
        Rows.GetValueOrDefault(endpoint.ToString()) ?? Rules.Where(r => endpoint.Template.StartsWith(r.Prefix, StringComparison.Ordinal)).Select(r => r.Expect).FirstOrDefault();

    /// <summary>Every endpoint of the running app, from its routing table, one per HTTP method it accepts.</summary>
    private IReadOnlyList<Endpoint> Endpoints()
    {
        app.CreateClient().Dispose(); // start the host so the routing table exists
        return app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(method => new Endpoint(method, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The matrix runs on ids that exist; these do not, and even the Secretariat gets 404, not an error.</summary>
    [Fact]
    public async Task The_Secretariat_gets_404_for_what_does_not_exist()
    {
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/secretariat/outbox/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/calls/NO-SUCH-CALL")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/entries/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/entries/999999")).Status);
    }

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var endpoints = Endpoints();
        var uncovered = endpoints.Where(e => ExpectationFor(e) is null).ToList();
        Assert.True(uncovered.Count == 0,
            $"Add to the authorization matrix (AuthorizationMatrixTests.Rows, one line each):\n{string.Join("\n", uncovered)}");
        var stale = Rows.Keys.Concat(RunLast).Concat(Forms.Keys).Where(key => !endpoints.Any(e => e.ToString() == key)).ToList();
        Assert.True(stale.Count == 0, $"The matrix names endpoints the app no longer has:\n{string.Join("\n", stale)}");
        Assert.Contains(new Endpoint("POST", "/secretariat/calls/{code}/open"), endpoints);
        Assert.Contains(new Endpoint("GET", "/jury/{code}/entries/{reference}/files/{number:int}"), endpoints);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_visitor_as_the_matrix_says()
    {
        var endpoints = Endpoints();
        Assert.All(endpoints, e => Assert.True(ExpectationFor(e) is not null, $"{e} is not in the matrix"));
        var ordered = endpoints.Where(e => !RunLast.Contains(e.ToString()))
            .OrderBy(e => e.Method == "GET" ? 0 : 1) // reads before writes, so a visitor's own POSTs cannot change what it reads
            .Concat(RunLast.Select(key => endpoints.Single(e => e.ToString() == key)))
            .ToList();
        // The visitors run side by side, each in a world of its own (see AuthorizationScenario).
        var runs = await Task.WhenAll(Enum.GetValues<Visitor>().Select(visitor => Task.Run(() => VisitAsync(visitor, ordered))));
        foreach (var run in runs) output.WriteLine(run.Timing);
        var failures = runs.SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs.Sum(r => r.Tried)} answers differ from the matrix:\n{string.Join("\n", failures)}");
        Assert.Equal(endpoints.Count * Enum.GetValues<Visitor>().Length, runs.Sum(r => r.Tried));
    }

    private async Task<(List<string> Failures, int Tried, string Timing)> VisitAsync(Visitor visitor, IReadOnlyList<Endpoint> endpoints)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var builder = await app.SignedInAsync(Roles.Secretariat);
        var world = await AuthorizationScenario.BuildAsync(app, builder);
        using var client = await world.VisitorAsync(visitor);
        var token = await client.AntiforgeryTokenAsync();
        var built = clock.Elapsed;
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var url = await world.UrlAsync(endpoint.Template);
            using var response = await SendAsync(client, endpoint, url, token);
            var (seen, described) = Observe(response);
            var expected = ExpectationFor(endpoint)![visitor];
            if (seen != expected) failures.Add($"{endpoint} as {visitor}: expected {expected}, got {described} ({endpoint.Method} {url})");
        }
        return (failures, endpoints.Count, $"{visitor}: world and sign-in {built.TotalSeconds:0.0} s, {endpoints.Count} requests {(clock.Elapsed - built).TotalSeconds:0.0} s");
    }

    private static Task<HttpResponseMessage> SendAsync(TestClient client, Endpoint endpoint, string url, string token)
    {
        if (endpoint.Method == "GET") return client.Http.GetAsync(url);
        var fields = Forms.GetValueOrDefault(endpoint.ToString(), []).Append(new("__RequestVerificationToken", token));
        return client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = new FormUrlEncodedContent(fields) });
    }

    private static (Access? Seen, string Described) Observe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var described = location.Length > 0 ? $"{status} → {location}" : $"{status}";
        Access? seen = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => Forbidden,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.Conflict => Allowed,
            >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => Allowed,
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest when location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) => SignIn,
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest when location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) => Forbidden,
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => Allowed,
            _ => null, // 400 (an antiforgery refusal among others), 405, 500: never what the matrix means
        };
        return (seen, described);
    }

    private static readonly Visitor[] Columns = Enum.GetValues<Visitor>();

    private static string Label(Visitor visitor) => visitor switch
    {
        Visitor.Anonymous => "Anonymous",
        Visitor.Owner => "Owner (applicant)",
        Visitor.OtherApplicant => "Another applicant",
        Visitor.AssignedJuror => "Assigned juror",
        Visitor.ConflictedJuror => "Conflicted juror",
        Visitor.UnassignedJuror => "Unassigned juror",
        Visitor.Secretariat => "Secretariat",
        _ => visitor.ToString(),
    };

    private static string Cell(Access access) => access switch
    {
        Allowed => "allowed",
        SignIn => "sign-in",
        Forbidden => "403",
        NotFound => "404",
        _ => access.ToString(),
    };

    private string Document()
    {
        var doc = new StringBuilder();
        doc.Append("""
            # Authorization matrix

            <!-- Written by the test tests/PreventionPrize.IntegrationTests/Security/AuthorizationMatrixTests.cs: do not edit by hand.
                 Change the matrix in the test, then regenerate with
                 PP_WRITE_DOCS=1 dotnet test tests/PreventionPrize.IntegrationTests --filter "FullyQualifiedName~AuthorizationMatrixTests" -->

            What every endpoint of the app answers each kind of visitor. The test reads the endpoints from the app's routing
            table, so a new endpoint fails it until it is added here; it then runs each one, with real ids and a valid
            antiforgery token, as each visitor, and fails when an answer differs from this table.

            - **allowed**: 2xx, a redirect to any page but sign-in and access-denied, or 409 (a form re-shown with its errors,
              or a business rule's refusal, counts: the request reached the handler).
            - **sign-in**: redirect to `/account/login`.
            - **403**: 403, or redirect to `/account/access-denied` (signed in, without the role).
            - **404**: the thing does not exist for this visitor: the app says so rather than 403 where existence must not leak.

            The visitors: the **owner** owns the entry in the route; **another applicant** owns other entries of the same call; the
            **assigned juror** reads that entry in a published, open round (Optimised mode) and answered the first-sight question;
            the **conflicted juror** sits on the same jury with a hard conflict with that entry; the **unassigned juror** sits on
            the same jury, assigned other entries only. Certificates, kits, decisions and the gallery use the owner's entry that won
            in a call whose results are out; `/calls/{code}` and its apply page use an open call.


            """);
        doc.Append("| Endpoint | ").AppendJoin(" | ", Columns.Select(Label)).Append(" | Why |\n");
        doc.Append("|---|").AppendJoin("", Columns.Select(_ => "---|")).Append("---|\n");
        foreach (var endpoint in Endpoints())
        {
            var expect = ExpectationFor(endpoint);
            doc.Append($"| `{endpoint.ToString().Replace("|", "\\|")}` | ")
                .AppendJoin(" | ", Columns.Select(v => expect is null ? "**missing**" : Cell(expect[v])))
                .Append($" | {expect?.Why} |\n");
        }
        return doc.ToString();
    }

    [Fact]
    public void The_document_shows_the_matrix()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "authorization.md");
        var generated = Document().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PP_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated,
            "docs/authorization.md is not the matrix in AuthorizationMatrixTests. Regenerate it with\n" +
            "PP_WRITE_DOCS=1 dotnet test tests/PreventionPrize.IntegrationTests --filter \"FullyQualifiedName~AuthorizationMatrixTests\"");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PreventionPrize.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("No PreventionPrize.sln above " + AppContext.BaseDirectory);
    }
}
