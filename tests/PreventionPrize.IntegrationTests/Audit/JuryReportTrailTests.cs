using System.Net;
using PreventionPrize.IntegrationTests.Scoring;

namespace PreventionPrize.IntegrationTests.Audit;

/// <summary>The jury report reads its timeline, its decision history and its counts of recorded steps from the trail.</summary>
public sealed class JuryReportTrailTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    [Fact]
    public async Task The_report_lists_the_calls_timeline_decision_history_and_recorded_steps_and_names_no_applicant()
    {
        var given = new ScoringScenario(app);
        var (call, round) = await given.RoundAsync();
        var entry = await given.EntryAsync(call, e => { e.Title = "Project Lumen"; e.OrganisationName = "TRAIL-ORG-MARKER"; e.ContactName = "TRAIL-PERSON-MARKER"; });
        var (juror, _) = await given.JurorAsync(call, "Anna Keller");
        using var secretariat = await given.SecretariatAsync();
        // Moving a deadline is a call edit (tested in ManageCallsTests); here its event is planted as the edit writes it.
        await app.WithDbAsync(db =>
        {
            db.Audit(app.Clock.GetUtcNow().UtcDateTime, null, "call.deadline-moved", $"call:{call.Code}", "2026-03-01T17:00:00.0000000Z -> 2026-03-08T17:00:00.0000000Z");
            return db.SaveChangesAsync();
        });
        var monitor = $"/secretariat/rounds/{round.Id}/monitor";
        await secretariat.SubmitAsync(monitor, [], "form[action$='/close']");
        await secretariat.SubmitAsync(monitor, [new("reason", "A juror's scores were lost")], "form[action$='/reopen']");
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/add",
            [new("JuryMemberId", $"{juror.Member.Id}"), new("EntryId", $"{entry.Id}"), new("Type", "Family"), new("Reason", "Learnt later")]);
        var decide = $"/secretariat/calls/{call.Code}/decisions/{entry.Id}";
        await secretariat.PostAsync(decide, [new("Outcome", "FirstPrize"), new("Rationale", "Young people lead it."), new("Version", "0")]);
        await secretariat.PostAsync(decide, [new("Outcome", "Finalist"), new("Rationale", "Young people lead it."), new("Version", "1")]);

        var report = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/decisions/report");

        Assert.Equal(HttpStatusCode.OK, report.Status);
        var timeline = report.Document.QuerySelectorAll("article.report h2 + ul").First().TextContent;
        Assert.Contains("Deadline moved", timeline);
        Assert.Contains("Round closed", timeline);
        Assert.Contains("Round reopened (A juror's scores were lost)", timeline);
        Assert.Contains($"{entry.Reference} — call:{call.Code} none -> FirstPrize; rationale written", report.Text);
        Assert.Contains($"{entry.Reference} — call:{call.Code} FirstPrize -> Finalist; rationale unchanged", report.Text);
        var steps = report.Document.QuerySelectorAll("article.report table").First(t => t.TextContent.Contains("conflict.added"))
            .QuerySelectorAll("tbody tr").ToDictionary(tr => tr.QuerySelector("code")!.TextContent, tr => tr.QuerySelector("td")!.TextContent);
        Assert.Equal("1", steps["conflict.added"]);
        Assert.Equal("2", steps["decision.recorded"]);
        Assert.Equal("1", steps["round.reopened"]);
        Assert.DoesNotContain("MARKER", report.Html);
        Assert.NotNull(report.Document.QuerySelector($"a[href='/secretariat/audit?subject=call%3A{call.Code}']"));
    }
}
