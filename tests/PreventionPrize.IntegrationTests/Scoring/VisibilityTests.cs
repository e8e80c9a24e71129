using PreventionPrize.Core.Scoring;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>Whether a juror sees the other jurors' scores for an entry: the round decides, and conflicted work never shows.</summary>
public sealed class VisibilityTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    /// <summary>The "Other jurors:" lines of a score page, one per criterion.</summary>
    private static List<string> Others(Page page) =>
        page.Document.QuerySelectorAll($"{ScoringScenario.ScoreForm} fieldset.criterion p.muted")
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p.TextContent, @"\s+", " ").Trim()).ToList();

    [Fact]
    public async Task After_submitting_a_juror_sees_the_other_submitted_scores_unnamed_and_not_before()
    {
        var (call, _) = await _given.RoundAsync(ScoreVisibility.AfterOwnSubmitted);
        var entry = await _given.EntryAsync(call);
        var (_, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (_, b) = await _given.JurorAsync(call, "Bram de Vries");
        await ScoringScenario.ConfirmAsync(a, call, entry);
        await ScoringScenario.ConfirmAsync(b, call, entry);
        await ScoringScenario.ScoreAsync(a, call, entry, [4, 3, 2, 5, 1], submit: true);

        await ScoringScenario.ScoreAsync(b, call, entry, [1, 1, null, null, null], submit: false);
        var beforeOwn = await b.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        await ScoringScenario.SubmitAllAsync(b, call, entry, 2);
        var afterOwn = await b.GetAsync(ScoringScenario.ScoreUrl(call, entry));

        Assert.Empty(Others(beforeOwn));
        Assert.DoesNotContain("Juror A", beforeOwn.Text);
        Assert.Equal(["Other jurors: Juror A: 4", "Other jurors: Juror A: 3", "Other jurors: Juror A: 2", "Other jurors: Juror A: 5", "Other jurors: Juror A: 1"],
            Others(afterOwn));
        Assert.DoesNotContain("Ana Lopes", afterOwn.Text);
        // A, who submitted first, now sees B's scores the same way.
        Assert.Equal("Other jurors: Juror A: 2", Others(await a.GetAsync(ScoringScenario.ScoreUrl(call, entry)))[0]);
    }

    [Fact]
    public async Task A_draft_of_another_juror_is_never_shown()
    {
        var (call, _) = await _given.RoundAsync(ScoreVisibility.AfterOwnSubmitted);
        var entry = await _given.EntryAsync(call);
        var (_, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (_, b) = await _given.JurorAsync(call, "Bram de Vries");
        await ScoringScenario.ConfirmAsync(a, call, entry);
        await ScoringScenario.ConfirmAsync(b, call, entry);
        await ScoringScenario.ScoreAsync(a, call, entry, [4, 4, 4, 4, null], submit: false);
        await ScoringScenario.SubmitAllAsync(b, call, entry, 2);

        Assert.Empty(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))));

        await ScoringScenario.ScoreAsync(a, call, entry, ScoringScenario.Same(4), submit: true);
        Assert.All(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))), line => Assert.Equal("Other jurors: Juror A: 4", line));
    }

    [Fact]
    public async Task With_visibility_never_no_juror_sees_another_score_even_after_both_submitted()
    {
        var (call, round) = await _given.RoundAsync(ScoreVisibility.Never);
        var entry = await _given.EntryAsync(call);
        var (_, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (_, b) = await _given.JurorAsync(call, "Bram de Vries");
        await ScoringScenario.ConfirmAsync(a, call, entry);
        await ScoringScenario.ConfirmAsync(b, call, entry);

        await ScoringScenario.SubmitAllAsync(a, call, entry, 4);
        await ScoringScenario.SubmitAllAsync(b, call, entry, 2);

        Assert.Equal(2, (await _given.SheetsAsync(round, entry)).Count(s => s.Status == ScoreStatus.Submitted));
        foreach (var juror in new[] { a, b })
        {
            var page = await juror.GetAsync(ScoringScenario.ScoreUrl(call, entry));
            Assert.Contains("Submitted. You can still change your scores", page.Text);
            Assert.Empty(Others(page));
            Assert.DoesNotContain("Other jurors", page.Text);
            Assert.DoesNotContain("Juror A", page.Text);
        }
    }

    [Fact]
    public async Task The_score_of_a_juror_who_stepped_away_is_not_shown_to_the_others()
    {
        var (call, _) = await _given.RoundAsync(ScoreVisibility.AfterOwnSubmitted);
        var entry = await _given.EntryAsync(call);
        var (_, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (_, b) = await _given.JurorAsync(call, "Bram de Vries");
        var (_, c) = await _given.JurorAsync(call, "Chidi Eze");
        foreach (var juror in new[] { a, b, c }) await ScoringScenario.ConfirmAsync(juror, call, entry);
        await ScoringScenario.SubmitAllAsync(a, call, entry, 4);
        await ScoringScenario.SubmitAllAsync(c, call, entry, 1);
        // Before C steps away, A sees C's score: the setting shows it.
        Assert.Equal("Other jurors: Juror A: 1", Others(await a.GetAsync(ScoringScenario.ScoreUrl(call, entry)))[0]);

        await JuryScenario.RecuseAsync(c, call, entry, "Funding", "My foundation funds them, I learnt today");
        await ScoringScenario.SubmitAllAsync(b, call, entry, 2);

        Assert.All(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))), line => Assert.Equal("Other jurors: Juror A: 4", line));
        Assert.All(Others(await a.GetAsync(ScoringScenario.ScoreUrl(call, entry))), line => Assert.Equal("Other jurors: Juror A: 2", line));
    }

    [Fact]
    public async Task With_visibility_after_the_round_closes_jurors_see_the_others_only_once_it_is_closed()
    {
        var (call, round) = await _given.RoundAsync(ScoreVisibility.AfterRoundClosed);
        var entry = await _given.EntryAsync(call);
        var (_, a) = await _given.JurorAsync(call, "Ana Lopes");
        var (_, b) = await _given.JurorAsync(call, "Bram de Vries");
        await ScoringScenario.ConfirmAsync(a, call, entry);
        await ScoringScenario.ConfirmAsync(b, call, entry);
        await ScoringScenario.SubmitAllAsync(a, call, entry, 4);
        await ScoringScenario.SubmitAllAsync(b, call, entry, 2);

        Assert.Empty(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))));

        using var secretariat = await _given.SecretariatAsync();
        await secretariat.PostAsync($"/secretariat/rounds/{round.Id}/close");
        Assert.All(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))), line => Assert.Equal("Other jurors: Juror A: 4", line));
        Assert.NotEmpty(Others(await b.GetAsync(ScoringScenario.ScoreUrl(call, entry))));
    }
}
