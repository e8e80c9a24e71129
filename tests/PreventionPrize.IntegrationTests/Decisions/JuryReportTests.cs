using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.IntegrationTests.Decisions;

/// <summary>The jury report: the record of how the outcome was reached, with applicants' personal data left out.</summary>
public sealed class JuryReportTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    [Fact]
    public async Task The_report_covers_eligibility_conflicts_rounds_and_decisions_and_names_no_applicant()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var round = await app.OpenRoundForEveryoneAsync(call);
        var entries = new List<Entry>();
        for (var i = 1; i <= 3; i++)
            entries.Add(await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible).With(e =>
            {
                e.Title = $"Project {i}"; e.OrganisationName = $"REPORT-ORG-MARKER-{i}"; e.ContactName = $"REPORT-PERSON-MARKER-{i}";
                e.ContactEmail = $"report-mail-marker-{i}@example.org";
            }).SaveAsync());
        await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Ineligible).With(e => e.ScreeningReason = "Finished in 2019.").SaveAsync();
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Anna Keller", "Bram de Vries" }) jurors.Add(await app.CreateReadyJurorAsync(call, name));
        await app.WithDbAsync(async db =>
        {
            var criteria = db.Criteria.Where(c => c.RoundId == round.Id).Select(c => c.Id).ToList();
            foreach (var (juror, j) in jurors.Select((x, j) => (x, j)))
                foreach (var (entry, i) in entries.Select((x, i) => (x, i)))
                    db.Scores.Add(new JurorScore
                    {
                        RoundId = round.Id, EntryId = entry.Id, JuryMemberId = juror.Member.Id, Status = ScoreStatus.Submitted,
                        Values = criteria.Select(id => new CriterionValue { CriterionId = id, Value = 5 - i - j % 2 }).ToList(),
                        UpdatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
                    });
            return await db.SaveChangesAsync();
        });
        var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/add",
            [new("JuryMemberId", $"{jurors[0].Member.Id}"), new("EntryId", $"{entries[2].Id}"), new("Type", "Family"), new("Reason", "Learnt later")]);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/decisions/{entries[0].Id}", [new("Outcome", "FirstPrize"), new("Rationale", "Young people lead it."), new("Version", "0")]);

        var report = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/decisions/report");

        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains("Eligible: 3", report.Text);
        Assert.Contains("Finished in 2019.", report.Text);
        Assert.Contains("Family or close personal tie", report.Text);
        Assert.Contains("Round 1: First round", report.Text);
        Assert.Contains("3 entries, 2 jurors, 5 readings", report.Text); // 2 jurors × 3 entries, minus the conflicted pair
        Assert.Contains("Scores that do not count", report.Text);
        Assert.Contains("First prize — " + entries[0].Reference + ", Project 1", report.Text);
        Assert.Contains("Young people lead it.", report.Text);
        Assert.Contains("Anna Keller", report.Text);
        Assert.DoesNotContain("MARKER", report.Html, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(report.Document.QuerySelector("a[data-print]"));
    }

    [Fact]
    public async Task Only_the_Secretariat_reads_the_report()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var juror = await app.CreateReadyJurorAsync(call, "Anna Keller");
        var client = app.NewClient();
        await client.SignInAsync(juror.Email);
        var page = await client.GetAsync($"/secretariat/calls/{call.Code}/decisions/report");
        Assert.True(page.Status is HttpStatusCode.Forbidden || page.Location?.Contains("access-denied") == true);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Roles.Secretariat)).GetAsync($"/secretariat/calls/{call.Code}/decisions/report")).Status);
    }
}
