using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>
/// The jury judges blind, in an optimised round too: after publication, nothing a juror can reach from /jury,
/// nor the e-mail that tells them their entries, carries any applicant identity.
/// </summary>
public sealed class RoundLeakTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);
    private readonly string _salt = Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, string> _markers = new(StringComparer.Ordinal);

    private string Marker(string field) => _markers.TryGetValue(field, out var m) ? m : _markers[field] = $"leak{field}{_salt}";

    private async Task<Entry> MarkedEntryAsync(Call call, string tag)
    {
        string M(string field) => Marker($"{tag}{field}");
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
                e.TeamMembers = [new() { Name = $"{M("teamname")} Jones", Email = $"{M("teammail")}@example.org", Role = $"{M("teamrole")} lead" }];
                e.Title = $"Practice {tag}: peer mentors";
                e.Description = $"PRACTICE-TEXT-{tag} Mentors design the workshops themselves.";
            })
            .SaveAsync();
    }

    [Fact]
    public async Task No_applicant_identity_reaches_a_juror_of_a_published_optimised_round_in_pages_or_e_mail()
    {
        var call = await _given.CallAsync();
        var entries = new List<Entry>();
        foreach (var tag in new[] { "a", "b", "c", "d" }) entries.Add(await MarkedEntryAsync(call, tag));
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ana", "Ben", "Cleo" }) jurors.Add(await _given.JurorAsync(call, name, behaviours: ["gaming"]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 3);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        await RoundScenario.ActAsync(secretariat, roundId, "publish");
        var pairs = await _given.PairsAsync(roundId);
        var leaks = new List<string>();
        var visited = new HashSet<string>();
        var bodies = new List<string>();

        foreach (var juror in jurors)
        {
            var mail = await app.Mail.WaitForMessageTo(juror.Email);
            Check($"{juror.Member.Name}'s e-mail", $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}", leaks);
            using var client = await _given.SignedInAsync(juror);
            await CrawlAsync($"{juror.Member.Name}, at first sight", client, leaks, visited, bodies);
            // The full text shows once the juror confirms no conflict: confirm every entry given, and read again.
            foreach (var pair in pairs.Where(p => p.JuryMemberId == juror.Member.Id))
                Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{JuryScenario.EntryUrl(call, entries.Single(e => e.Id == pair.EntryId))}/confirm")).Status);
            await CrawlAsync($"{juror.Member.Name}, after confirming", client, leaks, visited, bodies);
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(_markers.Count >= 4 * 11, $"only {_markers.Count} markers planted");
        // The crawl must have read every assigned entry in full, or finding nothing would prove nothing.
        Assert.All(pairs, p => Assert.Contains(JuryScenario.EntryUrl(call, entries.Single(e => e.Id == p.EntryId)), visited));
        foreach (var tag in new[] { "a", "b", "c", "d" }) Assert.Contains(bodies, b => b.Contains($"PRACTICE-TEXT-{tag}"));
    }

    private async Task CrawlAsync(string who, TestClient client, List<string> leaks, HashSet<string> visited, List<string> bodies, int limit = 100)
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
            Check($"{who}: {path}", page.Html, leaks);
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

    private void Check(string where, string body, List<string> leaks)
    {
        foreach (var (field, marker) in _markers)
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{where} shows {field}");
    }
}
