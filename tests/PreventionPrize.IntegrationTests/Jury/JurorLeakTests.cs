using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>
/// The jury judges blind. Every applicant identity field gets a marker of its own; then jurors in every state
/// crawl everything reachable from /jury, and no marker may appear in any page or in the mail a juror gets.
/// </summary>
public sealed class JurorLeakTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    /// <summary>One marker per identity field and entry, so a failure names the field that leaked.</summary>
    private sealed class Markers
    {
        private readonly string _salt = Guid.NewGuid().ToString("N")[..10];
        public Dictionary<string, string> All { get; } = new(StringComparer.Ordinal);

        public string this[string field] => All.TryGetValue(field, out var m) ? m : All[field] = $"leak{field.ToLowerInvariant()}{_salt}";
    }

    /// <summary>
    /// The applicant's country (Eligibility.Country) is a code; its leak would show as the country's name. Iceland is
    /// used for no other purpose here, and the profile page lists every country as a choice, so that page is excused.
    /// </summary>
    private const string ApplicantCountry = "IS";
    private static readonly string[] ApplicantCountryNames = ["Iceland", "Islande"];

    private async Task<Entry> MarkedEntryAsync(Call call, string tag, Markers markers)
    {
        string M(string field) => markers[$"{tag}{field}"];
        var owner = await app.CreateUserAsync($"{M("owner")}@example.org", Roles.Applicant);
        return await new EntryBuilder(app).In(call).OwnedBy(owner).WithStatus(EntryStatus.Eligible)
            .WithAttachment($"{M("file")}.pdf")
            .With(e =>
            {
                e.OrganisationName = $"{M("org")} Foundation";
                e.Website = $"https://{M("web")}.example.org";
                e.SocialLinks = $"https://social.example/{M("social")}";
                e.ContactName = $"{M("contact")} Smith";
                e.ContactEmail = $"{M("contactmail")}@example.org";
                e.FormalStructureEvidenceUrl = $"https://registry.example/{M("evidence")}";
                e.TeamMembers =
                [
                    new() { Name = $"{M("team1name")} Jones", Email = $"{M("team1mail")}@example.org", Role = $"{M("team1role")} lead" },
                    new() { Name = $"{M("team2name")} Brown", Email = $"{M("team2mail")}@example.org", Role = $"{M("team2role")} mentor" },
                ];
                e.Eligibility.Country = ApplicantCountry;
                e.ImplementationCountries = ["FR", "BE"];
                e.Title = $"Practice {tag}: peer mentors for screen time";
                e.Description = $"PRACTICE-TEXT-{tag} Mentors design the workshops themselves.";
            })
            .SaveAsync();
    }

    [Fact]
    public async Task No_applicant_identity_reaches_a_juror_in_any_page_or_e_mail()
    {
        var markers = new Markers();
        var call = await _given.CallAsync();
        var first = await MarkedEntryAsync(call, "a", markers);
        var second = await MarkedEntryAsync(call, "b", markers);
        var third = await MarkedEntryAsync(call, "c", markers);
        var leaks = new List<string>();
        var visited = new List<string>();
        var bodies = new List<string>();

        // A juror who joins as a real one does: invited by the Secretariat, accepts by the e-mailed link, fills in the steps.
        using var secretariat = await _given.SecretariatAsync();
        var email = $"invited-{Guid.NewGuid():N}@jury.example.net";
        var link = await _given.InviteAsync(secretariat, call, "Ines Okafor", email);
        foreach (var message in app.Mail.To(email))
            Check($"e-mail “{message.Subject}”", $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}", leaks, markers, checkCountry: true);
        using var invited = app.NewClient();
        await invited.SubmitAsync(await invited.GetAsync(link), [new("Password", TestClient.DefaultPassword), new("ConfirmPassword", TestClient.DefaultPassword)]);
        await CrawlAsync("invited, before the steps", invited, leaks, markers, visited, bodies);
        await invited.SubmitAsync($"/jury/{call.Code}/profile", [new("ReadsLanguages", "en")]);
        await invited.SubmitAsync($"/jury/{call.Code}/declaration", [new("AcceptsConfidentiality", "true"), new("SignedName", "Ines Okafor")]);

        await CrawlAsync("invited, at first sight", invited, leaks, markers, visited, bodies);
        foreach (var entry in new[] { first, second, third })
            Assert.Equal(HttpStatusCode.Redirect, (await invited.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm")).Status);
        await CrawlAsync("invited, after confirming", invited, leaks, markers, visited, bodies);
        await JuryScenario.RecuseAsync(invited, call, third);
        await CrawlAsync("invited, after a recusal", invited, leaks, markers, visited, bodies);

        // A juror the first applicant declared a relationship with: detection makes it a hard conflict, and the
        // applicant's words about it (identity too) must stay with the Secretariat.
        var (juror, conflicted) = await _given.JurorAsync(call, "Tomas Berg");
        await app.WithDbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Id == first.Id);
            entry.JuryRelationships.Add(new JuryRelationship { JuryMemberId = juror.Member.Id, Kind = RelationshipKind.Family, Reason = $"{markers["arelationship"]} is my uncle" });
            return await db.SaveChangesAsync();
        });
        await app.DetectConflictsAsync(call.Id);
        Assert.True(await app.WithDbAsync(db => db.Conflicts.AnyAsync(c => c.JuryMemberId == juror.Member.Id && c.EntryId == first.Id && c.Source == ConflictSource.Applicant)));
        await conflicted.PostAsync($"{JuryScenario.EntryUrl(call, second)}/confirm");
        await CrawlAsync("conflicted", conflicted, leaks, markers, visited, bodies);

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // The crawl must have read the blind entries in full, or finding nothing would prove nothing.
        Assert.Contains(JuryScenario.EntryUrl(call, first), visited);
        Assert.Contains(JuryScenario.EntryUrl(call, second), visited);
        Assert.Contains(JuryScenario.EntryUrl(call, third), visited);
        Assert.Contains(bodies, b => b.Contains("PRACTICE-TEXT-a"));
        Assert.Contains(bodies, b => b.Contains("PRACTICE-TEXT-b"));
        Assert.Contains(bodies, b => b.Contains("Belgium"));
        Assert.True(markers.All.Count >= 3 * 14 + 1, $"only {markers.All.Count} markers planted");
    }

    /// <summary>
    /// Follows every same-site link found on a page of the juror area, breadth first from /jury, and checks every
    /// page it reaches. Links out of the area are fetched and checked but not followed.
    /// </summary>
    private static async Task CrawlAsync(string who, TestClient client, List<string> leaks, Markers markers, List<string> visited, List<string> bodies,
        int limit = 100)
    {
        var queue = new Queue<string>(["/jury"]);
        var seen = new HashSet<string>(queue);
        var fetched = 0;
        while (queue.TryDequeue(out var path) && fetched++ < limit)
        {
            var page = await client.GetAsync(path);
            visited.Add(path);
            bodies.Add(page.Html);
            if ((int)page.Status >= 500) leaks.Add($"{who}: {path} answered {(int)page.Status}");
            Check($"{who}: {path}", page.Html, leaks, markers, checkCountry: !path.EndsWith("/profile", StringComparison.Ordinal));
            if (!path.StartsWith("/jury", StringComparison.Ordinal)) continue;
            foreach (var anchor in page.Document.QuerySelectorAll("a[href]"))
            {
                var href = anchor.GetAttribute("href")!.Split('#')[0];
                if (href.Length == 0 || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) continue;
                if (href.StartsWith("/css/", StringComparison.Ordinal) || href.StartsWith("/js/", StringComparison.Ordinal) || href.StartsWith("/lib/", StringComparison.Ordinal)) continue;
                if (seen.Add(href)) queue.Enqueue(href);
            }
        }
    }

    private static void Check(string where, string body, List<string> leaks, Markers markers, bool checkCountry)
    {
        foreach (var (field, marker) in markers.All)
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{where} shows {field}");
        if (checkCountry)
            foreach (var name in ApplicantCountryNames)
                if (body.Contains(name, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{where} shows the applicant's country ({name})");
    }
}
