using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>
/// Every juror route against a real entry, as each kind of visitor. The role lets a juror in; the jury policy
/// decides what exists for them, and for everyone it hides something from, the answer is 404.
/// </summary>
public sealed class JurorAccessTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    public sealed record Route(string Method, string Path, KeyValuePair<string, string>[] Form)
    {
        public bool IsEntryRoute => Path.Contains("/entries/");
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>Every route of the juror area, in an order a juror could follow (the recusal, which ends access, last).</summary>
    public static IReadOnlyList<Route> Routes(string code, string reference) =>
    [
        new("GET", "/jury", []),
        new("GET", $"/jury/{code}", []),
        new("GET", $"/jury/{code}/profile", []),
        new("POST", $"/jury/{code}/profile", [new("ReadsLanguages", "en"), new("ReadsLanguages", "fr")]),
        new("GET", $"/jury/{code}/declaration", []),
        new("POST", $"/jury/{code}/declaration", [new("AcceptsConfidentiality", "true"), new("SignedName", "A Juror")]),
        new("GET", $"/jury/{code}/entries/{reference}", []),
        new("POST", $"/jury/{code}/entries/{reference}/confirm", []),
        new("GET", $"/jury/{code}/entries/{reference}/score", []),
        new("POST", $"/jury/{code}/entries/{reference}/score", [new("Submit", "false"), new("Comment", "First impressions")]),
        new("GET", $"/jury/{code}/practice", []),
        new("POST", $"/jury/{code}/practice", []),
        new("POST", $"/jury/{code}/entries/{reference}/recuse", [new("Type", "Other"), new("Reason", "I know the team")]),
    ];

    private static async Task<Page> RunAsync(TestClient client, Route route) =>
        route.Method == "POST" ? await client.PostAsync(route.Path, route.Form) : await client.GetAsync(route.Path);

    public static TheoryData<string> Visitors => new() { "assigned", "conflicted", "recused", "other call", "owner", Roles.Applicant, Roles.Secretariat, "anonymous" };

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_juror_route_answers_each_visitor_as_the_jury_policy_says(string who)
    {
        var call = await _given.CallAsync();
        var owner = await app.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var entry = await _given.EntryAsync(call, owner: owner);
        var otherCall = await _given.CallAsync();
        await _given.EntryAsync(otherCall);
        using var client = who switch
        {
            "assigned" => (await _given.JurorAsync(call)).Client,
            "conflicted" => (await _given.ConflictedJurorAsync(call, entry)).Client,
            "recused" => await RecusedAsync(call, entry),
            "other call" => (await _given.JurorAsync(otherCall)).Client,
            "owner" => await _given.SignedInAsync(owner.Email!),
            "anonymous" => app.NewClient(),
            _ => await app.SignedInAsync(who),
        };

        var failures = new List<string>();
        foreach (var route in Routes(call.Code, entry.Reference!))
        {
            var page = await RunAsync(client, route);
            var location = page.Location ?? "";
            var ok = page.Status == HttpStatusCode.OK || (page.Status == HttpStatusCode.Redirect && location.StartsWith("/jury/" + call.Code, StringComparison.Ordinal));
            var expected = who switch
            {
                "assigned" => ok,
                "conflicted" or "recused" => route.IsEntryRoute ? page.Status == HttpStatusCode.NotFound : ok,
                "other call" => route.Path == "/jury" ? page.Status == HttpStatusCode.OK && !page.Html.Contains(call.Code) : page.Status == HttpStatusCode.NotFound,
                "anonymous" => page.Status == HttpStatusCode.Redirect && location.Contains("/account/login"),
                _ => page.Status == HttpStatusCode.Forbidden || (page.Status == HttpStatusCode.Redirect && location.Contains("/account/access-denied")),
            };
            if (!expected) failures.Add($"{route} as {who}: {(int)page.Status} {location}");
            if (who != "assigned" && page.Html.Contains(entry.Title)) failures.Add($"{route} as {who} shows the entry's title");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("conflicted")]
    [InlineData("recused")]
    public async Task A_conflicted_juror_finds_the_entry_in_no_list_and_no_count(string how)
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var other = await _given.EntryAsync(call, change: e => e.OrganisationName = "Digital Wellbeing Network");
        var (_, assigned) = await _given.JurorAsync(call);
        using var conflicted = how == "conflicted" ? (await _given.ConflictedJurorAsync(call, entry)).Client : await RecusedAsync(call, entry);

        Assert.Equal([entry.Reference!, other.Reference!], JuryScenario.ListedReferences(await assigned.GetAsync($"/jury/{call.Code}"), call));
        var page = await conflicted.GetAsync($"/jury/{call.Code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([other.Reference!], JuryScenario.ListedReferences(page, call));
        Assert.DoesNotContain(entry.Reference!, page.Html);
    }

    public static TheoryData<string> NotReady => new() { "no profile", "no declaration", "minor without consent" };

    [Theory]
    [MemberData(nameof(NotReady))]
    public async Task A_juror_who_is_not_ready_sees_no_entry_and_gets_404_for_one(string state)
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call, configure: m =>
        {
            if (state == "no profile") m.ProfileUpdatedAtUtc = null;
            if (state == "no declaration") m.Declarations.Clear();
            if (state == "minor without consent") m.IsMinor = true;
        });

        var list = await client.GetAsync($"/jury/{call.Code}");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.NotNull(list.Document.QuerySelector("#steps-heading"));
        Assert.Empty(JuryScenario.ListedReferences(list, call));
        foreach (var route in Routes(call.Code, entry.Reference!).Where(r => r.IsEntryRoute))
            Assert.True((await RunAsync(client, route)).Status == HttpStatusCode.NotFound, $"{route} while {state}");
        Assert.False(await app.WithDbAsync(db => db.FirstSights.AnyAsync(s => s.EntryId == entry.Id)));
        Assert.False(await app.WithDbAsync(db => db.Conflicts.AnyAsync(c => c.EntryId == entry.Id)));
    }

    [Fact]
    public async Task A_minor_reads_entries_once_the_Secretariat_records_the_guardians_consent()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call, configure: m => m.IsMinor = true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);

        using var secretariat = await _given.SecretariatAsync();
        var consent = await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}/consent", [new("Method", "SignedForm")]);
        Assert.Equal(HttpStatusCode.Redirect, consent.Status);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        Assert.Equal([entry.Reference!], JuryScenario.ListedReferences(await client.GetAsync($"/jury/{call.Code}"), call));
    }

    public static TheoryData<EntryStatus> NotJudged => new() { EntryStatus.Draft, EntryStatus.Submitted, EntryStatus.Ineligible, EntryStatus.Withdrawn };

    [Theory]
    [MemberData(nameof(NotJudged))]
    public async Task An_entry_the_Secretariat_has_not_found_eligible_does_not_exist_for_jurors(EntryStatus status)
    {
        var call = await _given.CallAsync();
        var eligible = await _given.EntryAsync(call);
        // A draft has no reference yet; give it one so the URL is the one it would have.
        var hidden = await _given.EntryAsync(call, status, e => (e.Number, e.Reference) = (99, $"{call.Code}-0099"));
        var (_, client) = await _given.JurorAsync(call);

        var list = await client.GetAsync($"/jury/{call.Code}");
        Assert.Equal([eligible.Reference!], JuryScenario.ListedReferences(list, call));
        Assert.DoesNotContain(hidden.Reference!, list.Html);
        foreach (var route in Routes(call.Code, hidden.Reference!).Where(r => r.IsEntryRoute))
            Assert.True((await RunAsync(client, route)).Status == HttpStatusCode.NotFound, $"{route} for a {status} entry");
        Assert.False(await app.WithDbAsync(db => db.Conflicts.AnyAsync(c => c.EntryId == hidden.Id)));
    }

    [Fact]
    public async Task A_revoked_juror_gets_404_for_every_page_of_the_call()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);

        using var secretariat = await _given.SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}/revoke")).Status);

        var failures = new List<string>();
        foreach (var route in Routes(call.Code, entry.Reference!))
        {
            var page = await RunAsync(client, route);
            var expected = route.Path == "/jury" ? page.Status == HttpStatusCode.OK && !page.Html.Contains(call.Code) : page.Status == HttpStatusCode.NotFound;
            if (!expected) failures.Add($"{route}: {(int)page.Status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(InvitationStatus.Revoked, await app.WithDbAsync(db => db.JuryMembers.Where(m => m.Id == juror.Member.Id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_invitation_pages_answer_anyone_holding_a_valid_link_and_reveal_nothing_without_one()
    {
        var call = await _given.CallAsync();
        using var stranger = app.NewClient();
        var bogus = $"/jury/invitations/{Guid.NewGuid():N}";
        var unknown = new[] { await stranger.GetAsync(bogus), await stranger.PostAsync(bogus + "/accept"), await stranger.PostAsync(bogus + "/decline") };
        Assert.All(unknown, page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("This invitation link is not valid", page.Text);
            Assert.DoesNotContain(call.Code, page.Html);
        });

        using var secretariat = await _given.SecretariatAsync();
        var email = $"new-juror-{Guid.NewGuid():N}@jury.example.net";
        var link = await _given.InviteAsync(secretariat, call, "Noor Haddad", email);
        using var invitee = app.NewClient();
        var invitation = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, invitation.Status);
        Assert.Contains("Noor Haddad", invitation.Text);

        var accepted = await invitee.SubmitAsync(invitation, [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal($"/jury/{call.Code}", accepted.Location);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync($"/jury/{call.Code}")).Status);
        Assert.Contains("already been answered", (await stranger.GetAsync(link)).Text);
    }

    private async Task<TestClient> RecusedAsync(Call call, Entry entry)
    {
        var (_, client) = await _given.JurorAsync(call, "Lina Varga");
        await JuryScenario.RecuseAsync(client, call, entry);
        return client;
    }

    [Fact]
    public async Task A_juror_of_another_call_posting_a_bad_profile_or_declaration_gets_404_not_the_form()
    {
        var call = await _given.CallAsync();
        var (_, outsider) = await _given.JurorAsync(await _given.CallAsync());
        var profile = await outsider.PostAsync($"/jury/{call.Code}/profile", [new("EmailDomains", "not a domain")]);
        var declaration = await outsider.PostAsync($"/jury/{call.Code}/declaration", [new("SignedName", "")]);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (profile.Status, declaration.Status));
    }
}
