using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using Page = PreventionPrize.TestSupport.Page;

namespace PreventionPrize.IntegrationTests.Results;

/// <summary>
/// The results page and exports from scores written as jurors submit them: the ranking, what a conflict found
/// later removes, calibration's guard, the exports' neutralised cells, and shortlisting into a next round.
/// </summary>
public sealed class ResultsTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private sealed record Setup(Call Call, Round Round, List<Entry> Entries, List<TestJurors.TestJuror> Jurors, TestClient Secretariat);

    /// <summary>Three jurors each give every entry the same score on every criterion: entry i gets <paramref name="scores"/>[juror][i].</summary>
    private async Task<Setup> ScoredAsync(int[][] scores, string comment = "Solid work")
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var round = await app.OpenRoundForEveryoneAsync(call);
        var entries = new List<Entry>();
        for (var i = 0; i < scores[0].Length; i++)
            entries.Add(await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible).With(e => { e.Title = $"Project {i + 1}"; e.OrganisationName = $"Org {i + 1}"; }).SaveAsync());
        var jurors = new List<TestJurors.TestJuror>();
        for (var j = 0; j < scores.Length; j++) jurors.Add(await app.CreateReadyJurorAsync(call, $"Juror {(char)('A' + j)}"));
        var criteria = await app.WithDbAsync(db => db.Criteria.Where(c => c.RoundId == round.Id).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            for (var j = 0; j < scores.Length; j++)
                for (var i = 0; i < entries.Count; i++)
                    db.Scores.Add(new JurorScore
                    {
                        RoundId = round.Id, EntryId = entries[i].Id, JuryMemberId = jurors[j].Member.Id, Status = ScoreStatus.Submitted,
                        Values = criteria.Select(c => new CriterionValue { CriterionId = c.Id, Value = scores[j][i] }).ToList(),
                        Comment = comment, UpdatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
                    });
            return await db.SaveChangesAsync();
        });
        return new Setup(call, round, entries, jurors, await app.SignedInAsync(Roles.Secretariat));
    }

    private static List<string> RankedReferences(Page page) =>
        page.Document.QuerySelectorAll("#ranking-table tbody tr th").Select(th => th.TextContent.Split(' ')[0]).ToList();

    [Fact]
    public async Task The_ranking_follows_the_mean_and_the_figures_are_shown()
    {
        var given = await ScoredAsync([[5, 3, 1, 4], [4, 3, 2, 5], [5, 2, 1, 4]]);
        var page = await given.Secretariat.GetAsync($"/secretariat/rounds/{given.Round.Id}/results");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(new[] { 0, 3, 1, 2 }.Select(i => given.Entries[i].Reference), RankedReferences(page));
        Assert.Contains("4.67", page.Text); // (5 + 4 + 5) / 3 for the first entry
        Assert.Contains("12 score sheets count; 0 do not", page.Text);
        Assert.NotNull(page.Document.QuerySelector("svg[role=img] title"));
    }

    [Fact]
    public async Task A_score_from_a_juror_found_conflicted_afterwards_no_longer_counts()
    {
        var given = await ScoredAsync([[1, 4], [1, 4], [5, 1]]);
        var before = RankedReferences(await given.Secretariat.GetAsync($"/secretariat/rounds/{given.Round.Id}/results"));
        Assert.Equal(given.Entries[1].Reference, before[0]);

        await given.Secretariat.PostAsync($"/secretariat/calls/{given.Call.Code}/conflicts/add",
            [new("JuryMemberId", $"{given.Jurors[0].Member.Id}"), new("EntryId", $"{given.Entries[1].Id}"), new("Type", "Family"), new("Reason", "Learnt after scoring")]);
        await given.Secretariat.PostAsync($"/secretariat/calls/{given.Call.Code}/conflicts/add",
            [new("JuryMemberId", $"{given.Jurors[1].Member.Id}"), new("EntryId", $"{given.Entries[1].Id}"), new("Type", "Family"), new("Reason", "Learnt after scoring")]);

        var after = await given.Secretariat.GetAsync($"/secretariat/rounds/{given.Round.Id}/results");
        Assert.Contains("4 score sheets count; 2 do not", after.Text);
        Assert.Equal(given.Entries[0].Reference, RankedReferences(after)[0]);
    }

    [Fact]
    public async Task With_too_few_scores_per_juror_the_page_says_calibration_is_not_possible_instead_of_guessing()
    {
        var given = await ScoredAsync([[4, 2], [3, 5]]);
        var page = await given.Secretariat.GetAsync($"/secretariat/rounds/{given.Round.Id}/results");
        Assert.Contains("Not enough data to calibrate", page.Text);
        var enough = await ScoredAsync([[5, 4, 3, 2], [4, 3, 2, 1], [5, 4, 2, 2]]);
        Assert.DoesNotContain("Not enough data to calibrate", (await enough.Secretariat.GetAsync($"/secretariat/rounds/{enough.Round.Id}/results")).Text);
    }

    [Fact]
    public async Task The_csv_export_has_one_line_per_counted_sheet_and_neutralises_formulas()
    {
        var given = await ScoredAsync([[5, 3], [4, 2], [3, 3]], comment: "=HYPERLINK(\"http://evil.example\",\"click\")");
        var response = await given.Secretariat.Http.GetAsync($"/secretariat/rounds/{given.Round.Id}/results.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var rows = CsvText.Parse(text);
        Assert.Equal(1 + 6, rows.Count);
        Assert.Equal(["Reference", "Juror"], rows[0].Take(2));
        var comment = rows[0].IndexOf("Comment (jury record)");
        Assert.All(rows.Skip(1), row => Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", row[comment]));
        Assert.DoesNotContain("Org 1", text);
    }

    [Fact]
    public async Task The_workbook_has_scores_and_ranking_and_keeps_formula_like_text_as_text()
    {
        var given = await ScoredAsync([[5, 3], [4, 2], [3, 3]], comment: "=1+1");
        var bytes = await given.Secretariat.Http.GetByteArrayAsync($"/secretariat/rounds/{given.Round.Id}/results.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Scores", "Ranking"], sheets);
        var cells = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        Assert.Contains(cells, c => c.DataType?.Value == CellValues.InlineString && c.InnerText == "=1+1");
    }

    [Fact]
    public async Task Shortlisting_the_top_two_creates_a_next_round_with_those_entries_only()
    {
        var given = await ScoredAsync([[5, 3, 1], [4, 4, 2], [5, 3, 1]]);
        var created = await given.Secretariat.PostAsync($"/secretariat/rounds/{given.Round.Id}/shortlist", [new("Top", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var next = await app.WithDbAsync(db => db.Rounds.Include(r => r.Entries).Include(r => r.Criteria)
            .SingleAsync(r => r.CallId == given.Call.Id && r.Number == 2));
        Assert.False(next.AllEligibleEntries);
        Assert.Equal(new[] { given.Entries[0].Id, given.Entries[1].Id }.Order(), next.Entries.Select(e => e.EntryId).Order());
        Assert.Equal(5, next.Criteria.Count);

        var nothing = await given.Secretariat.PostAsync($"/secretariat/rounds/{given.Round.Id}/shortlist", [new("Top", "0")]);
        Assert.Contains("Choose at least one entry", (await given.Secretariat.GetAsync(nothing.Location!)).Text);
    }

    [Fact]
    public async Task The_results_page_reads_in_french()
    {
        var given = await ScoredAsync([[5, 3, 1], [4, 4, 2], [5, 3, 1]]);
        await given.Secretariat.SwitchLanguageAsync("fr");
        var page = await given.Secretariat.GetAsync($"/secretariat/rounds/{given.Round.Id}/results");
        Assert.Contains("Accord entre juré(e)s", page.Text);
        Assert.Contains("4,67", page.Text);
    }
}
