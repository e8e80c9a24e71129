using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Scoring;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>
/// Scoring adds pages (score sheets, practice, refused forms) and e-mails (reminders, round closed) a juror sees:
/// as in <see cref="JurorLeakTests"/>, every applicant identity field carries a marker and none may reach a juror.
/// </summary>
public sealed class ScoringLeakTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);
    private readonly string _salt = Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, string> _markers = new(StringComparer.Ordinal);
    private readonly List<string> _leaks = [];
    private readonly List<string> _visited = [];
    private readonly List<string> _bodies = [];

    private string Marker(string field) => _markers.TryGetValue(field, out var m) ? m : _markers[field] = $"leak{field.ToLowerInvariant()}{_salt}";

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
                e.TeamMembers = [new() { Name = $"{M("team1name")} Jones", Email = $"{M("team1mail")}@example.org", Role = $"{M("team1role")} lead" }];
                e.Eligibility.Country = "IS";
                e.ImplementationCountries = ["FR", "BE"];
                e.Description = $"PRACTICE-TEXT-{tag} Mentors design the workshops themselves.";
            })
            .SaveAsync();
    }

    [Fact]
    public async Task No_applicant_identity_reaches_a_juror_through_score_sheets_practice_or_scoring_e_mails()
    {
        var (call, round) = await _given.RoundAsync(ScoreVisibility.AfterOwnSubmitted);
        var entries = new[] { await MarkedEntryAsync(call, "a"), await MarkedEntryAsync(call, "b"), await MarkedEntryAsync(call, "c") };
        var (ana, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (bram, b) = await _given.JurorAsync(call, "Bram de Vries");
        await ScoringScenario.ConfirmAsync(a, call, entries[0], entries[1]);
        await ScoringScenario.ConfirmAsync(b, call, entries[0]);
        await ScoringScenario.SubmitAllAsync(a, call, entries[0], 4);
        await ScoringScenario.SubmitAllAsync(b, call, entries[0], 2);
        await ScoringScenario.ScoreAsync(a, call, entries[1], [3, null, null, null, null], submit: false, comment: "Promising", feedback: "Say more about evaluation");

        // Pages only a POST shows: a refused sheet, a stale one, and the practice answer.
        var stalePage = await a.GetAsync(ScoringScenario.ScoreUrl(call, entries[1]));
        await ScoringScenario.ScoreAsync(a, call, entries[1], [3, 3, null, null, null], submit: false);
        Check("refused sheet", (await ScoringScenario.ScoreAsync(a, call, entries[1], [3, null, 2, null, null], submit: true)).Html);
        Check("stale sheet", (await ScoringScenario.ScoreAsync(a, call, entries[1], [1, 1, 1, 1, 1], submit: true, from: stalePage)).Html);
        Check("practice answer", (await a.SubmitAsync($"/jury/{call.Code}/practice", [], "form[action$='/practice']")).Html);

        await CrawlAsync("Ana, scoring", a);
        await CrawlAsync("Bram, scoring", b);

        using var secretariat = await _given.SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync($"/secretariat/rounds/{round.Id}/remind")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync($"/secretariat/rounds/{round.Id}/close")).Status);
        foreach (var email in new[] { ana.Email, bram.Email })
        {
            await app.Mail.WaitForMessageTo(email, count: 2);
            foreach (var message in app.Mail.To(email))
                Check($"e-mail “{message.Subject}” to {email}", $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}");
        }
        await CrawlAsync("Ana, round closed", a);

        Assert.True(_leaks.Count == 0, string.Join("\n", _leaks));
        // The crawl must have reached the new pages with the entries in full, or finding nothing would prove nothing.
        Assert.Contains(ScoringScenario.ScoreUrl(call, entries[0]), _visited);
        Assert.Contains(ScoringScenario.ScoreUrl(call, entries[1]), _visited);
        Assert.Contains($"/jury/{call.Code}/practice", _visited);
        Assert.Contains(_bodies, body => body.Contains("PRACTICE-TEXT-a") && body.Contains("Other jurors:") && body.Contains("Juror A"));
        Assert.Contains(_bodies, body => body.Contains("PRACTICE-TEXT-b") && body.Contains("Promising"));
        Assert.Contains(_bodies, body => body.Contains("Belgium"));
        Assert.Contains(app.Mail.To(ana.Email), m => m.TextBody?.Contains("entries to score") == true);
        Assert.Contains(app.Mail.To(ana.Email), m => m.Subject?.Contains("is closed") == true);
        Assert.True(_markers.Count >= 3 * 11, $"only {_markers.Count} markers planted");
    }

    /// <summary>Breadth first from /jury over every same-site link of the juror area, as <see cref="JurorLeakTests"/> does.</summary>
    private async Task CrawlAsync(string who, TestClient client, int limit = 100)
    {
        var queue = new Queue<string>(["/jury"]);
        var seen = new HashSet<string>(queue);
        var fetched = 0;
        while (queue.TryDequeue(out var path) && fetched++ < limit)
        {
            var page = await client.GetAsync(path);
            _visited.Add(path);
            _bodies.Add(page.Html);
            if ((int)page.Status >= 500) _leaks.Add($"{who}: {path} answered {(int)page.Status}");
            Check($"{who}: {path}", page.Html, checkCountry: !path.EndsWith("/profile", StringComparison.Ordinal));
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

    /// <summary>The applicant's country is Iceland (IS), used for nothing else; the profile page lists every country, so it is excused.</summary>
    private void Check(string where, string body, bool checkCountry = true)
    {
        foreach (var (field, marker) in _markers)
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase)) _leaks.Add($"{where} shows {field}");
        if (checkCountry)
            foreach (var name in new[] { "Iceland", "Islande" })
                if (body.Contains(name, StringComparison.OrdinalIgnoreCase)) _leaks.Add($"{where} shows the applicant's country ({name})");
    }
}
