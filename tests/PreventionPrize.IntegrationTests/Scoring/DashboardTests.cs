using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>The juror's dashboard counts what is submitted; the practice entry teaches the rubric and keeps nothing.</summary>
public sealed class DashboardTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    [Fact]
    public async Task The_dashboard_counts_submitted_sheets_only()
    {
        var (call, _) = await _given.RoundAsync();
        var first = await _given.EntryAsync(call);
        var second = await _given.EntryAsync(call);
        await _given.EntryAsync(call);
        var (_, juror) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, first, second);

        Assert.Contains("0 of 3 scored", (await juror.GetAsync($"/jury/{call.Code}")).Text);
        await ScoringScenario.ScoreAsync(juror, call, second, [3, null, null, null, null], submit: false);
        var withDraft = await juror.GetAsync($"/jury/{call.Code}");
        await ScoringScenario.SubmitAllAsync(juror, call, first, 4);
        var withSubmitted = await juror.GetAsync($"/jury/{call.Code}");

        Assert.Contains("0 of 3 scored", withDraft.Text);
        Assert.Contains("1 of 3 scored", withSubmitted.Text);
        Assert.Equal("1", withSubmitted.Document.QuerySelector("progress")?.GetAttribute("value"));
        Assert.Equal("3", withSubmitted.Document.QuerySelector("progress")?.GetAttribute("max"));
        Assert.Contains("First round", withSubmitted.Text);
    }

    [Fact]
    public async Task The_practice_page_renders_in_english_and_french()
    {
        var (call, _) = await _given.RoundAsync();
        await _given.EntryAsync(call);
        var (_, juror) = await _given.JurorAsync(call);

        var english = await juror.GetAsync($"/jury/{call.Code}/practice");
        await juror.SwitchLanguageAsync("fr");
        var french = await juror.GetAsync($"/jury/{call.Code}/practice");

        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("Practice: learn the rubric", english.Text);
        Assert.Contains("Peer gaming nights (practice example)", english.Text);
        Assert.Contains("Innovation in the digital world", english.Text);
        Assert.Contains("Young people lead it and decide.", english.Text);
        Assert.Equal(HttpStatusCode.OK, french.Status);
        Assert.Contains("Entraînement : découvrir la grille", french.Text);
        Assert.Contains("Soirées jeux entre pairs (exemple d'entraînement)", french.Text);
        Assert.Contains("Innovation dans le monde numérique", french.Text);
        Assert.Contains("Les jeunes le dirigent et décident.", french.Text);
        Assert.DoesNotContain("Innovation in the digital world", french.Text);
        Assert.Equal(25, french.Document.QuerySelectorAll("form[action$='/practice'] input[type='radio']").Length);
    }

    [Fact]
    public async Task Answering_the_practice_compares_with_a_worked_answer_and_saves_nothing()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, juror) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, entry);
        // A real draft first, so "nothing saved" is measured against a table the form does write to.
        await ScoringScenario.ScoreAsync(juror, call, entry, [2, null, null, null, null], submit: false);
        var ids = await _given.CriterionIdsAsync(round);
        var (scores, audits) = await CountsAsync();

        var answered = await juror.SubmitAsync($"/jury/{call.Code}/practice", [new($"c{ids[0]}", "5"), new($"c{ids[1]}", "1")], "form[action$='/practice']");

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Contains("Nothing was saved.", answered.Text);
        Assert.Contains("Worked answer: 3. Yours: 5.", answered.Text);
        Assert.Contains("Worked answer: 3. Yours: 1.", answered.Text);
        Assert.Contains("Worked answer: 3. Yours: —.", answered.Text);
        Assert.Equal("checked", answered.Document.QuerySelector($"input[name='c{ids[0]}'][value='5']")?.GetAttribute("checked"));
        Assert.Equal((scores, audits), await CountsAsync());
        Assert.Equal(1, scores);
        Assert.Equal([2, null, null, null, null], Assert.Single(await _given.SheetsAsync(round, entry)).Values.Select(v => v.Value));
    }

    private Task<(int Scores, int Audits)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Scores.CountAsync(), await db.AuditEvents.CountAsync(a => a.Action.StartsWith("score."))));
}
