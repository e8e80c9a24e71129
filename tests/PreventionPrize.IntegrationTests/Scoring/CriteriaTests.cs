using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>The Secretariat's criteria editor: the prize's defaults, changes with one described level per line, and the lock once scoring starts.</summary>
public sealed class CriteriaTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    private static string Url(Round round) => $"/secretariat/rounds/{round.Id}/criteria";

    private Task<List<Criterion>> CriteriaAsync(Round round) =>
        app.WithDbAsync(db => db.Criteria.AsNoTracking().Where(c => c.RoundId == round.Id).OrderBy(c => c.Position).ToListAsync());

    private static KeyValuePair<string, string>[] ThreeLevels(int weight) =>
    [
        new("Criteria[0].Weight", weight.ToString()), new("Criteria[0].ScaleMin", "1"), new("Criteria[0].ScaleMax", "3"),
        new("Criteria[0].LevelsEn", "Nothing new\nSomething new\nA model for others"),
        new("Criteria[0].LevelsFr", "Rien de nouveau\nQuelque chose de nouveau\nUn modèle pour d'autres"),
    ];

    [Fact]
    public async Task The_editor_shows_the_five_default_criteria_and_a_blank_row()
    {
        var (_, round) = await _given.RoundAsync();
        using var secretariat = await _given.SecretariatAsync();

        var page = await secretariat.GetAsync(Url(round));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var defaults = DefaultCriteria.Create();
        Assert.Equal(5, defaults.Count);
        for (var i = 0; i < defaults.Count; i++)
        {
            Assert.Equal(defaults[i].NameEn, page.ValueOf($"Criteria[{i}].NameEn"));
            Assert.Equal(defaults[i].NameFr, page.ValueOf($"Criteria[{i}].NameFr"));
            Assert.Equal(("1", "1", "5"), (page.ValueOf($"Criteria[{i}].Weight"), page.ValueOf($"Criteria[{i}].ScaleMin"), page.ValueOf($"Criteria[{i}].ScaleMax")));
            Assert.Equal(defaults[i].Levels.Select(l => l.TextEn), page.ValueOf($"Criteria[{i}].LevelsEn")!.Trim().Split('\n'));
            Assert.Equal(defaults[i].Levels.Select(l => l.TextFr), page.ValueOf($"Criteria[{i}].LevelsFr")!.Trim().Split('\n'));
        }
        Assert.Equal("", page.ValueOf("Criteria[5].NameEn"));
        Assert.Equal("0", page.ValueOf("Criteria[5].Id"));
        Assert.Null(page.Document.QuerySelector("[name='Criteria[6].NameEn']"));
    }

    [Fact]
    public async Task A_changed_weight_and_a_three_level_scale_are_saved_and_reach_the_jurors_form()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        using var secretariat = await _given.SecretariatAsync();

        var saved = await secretariat.SubmitAsync(Url(round), ThreeLevels(weight: 3));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/secretariat/rounds/{round.Id}", saved.Location);
        var criteria = await CriteriaAsync(round);
        Assert.Equal(5, criteria.Count);
        Assert.Equal((3, 1, 3), (criteria[0].Weight, criteria[0].ScaleMin, criteria[0].ScaleMax));
        Assert.Equal([1, 2, 3], criteria[0].Levels.Select(l => l.Score));
        Assert.Equal(["Nothing new", "Something new", "A model for others"], criteria[0].Levels.Select(l => l.TextEn));
        Assert.Equal("Un modèle pour d'autres", criteria[0].Levels[2].TextFr);
        Assert.All(criteria.Skip(1), c => Assert.Equal((1, 5, 5), (c.Weight, c.ScaleMax, c.Levels.Count)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "round.criteria" && a.Subject == $"round:{round.Id}" && a.Details!.Contains("×3 [1-3]"))));

        var (_, juror) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, entry);
        var form = await juror.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        Assert.Equal(3, form.Document.QuerySelectorAll("input[name='Values[0].Value']").Length);
        Assert.Contains("A model for others", form.Text);
        Assert.Contains("weight 3", form.Text);
        var outOfScale = await ScoringScenario.ScoreAsync(juror, call, entry, [4, 4, 4, 4, 4], submit: true);
        Assert.Contains("Innovation in the digital world: choose a score from 1 to 3.", outOfScale.Errors);
    }

    [Theory]
    [InlineData("Criteria[0].LevelsEn", "Too few\nlines", "Write 5 lines in \"Levels in English\": one per score level.")]
    [InlineData("Criteria[0].LevelsFr", "1\n2\n3\n4\n5\n6", "Write 5 lines in \"Levels in French\": one per score level.")]
    public async Task A_wrong_number_of_level_lines_is_refused_with_a_clear_message(string field, string text, string message)
    {
        var (_, round) = await _given.RoundAsync();
        using var secretariat = await _given.SecretariatAsync();

        var refused = await secretariat.SubmitAsync(Url(round), [new(field, text), new("Criteria[0].Weight", "7")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Errors);
        Assert.Equal("7", refused.ValueOf("Criteria[0].Weight"));
        Assert.Equal(text, refused.ValueOf(field)?.Trim());
        var unchanged = (await CriteriaAsync(round))[0];
        Assert.Equal((1, 5), (unchanged.Weight, unchanged.Levels.Count));

        var fixedUp = await secretariat.SubmitAsync(refused, [new(field, "a\nb\nc\nd\ne")]);
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.Status);
        Assert.Equal(7, (await CriteriaAsync(round))[0].Weight);
    }

    [Fact]
    public async Task Once_a_juror_saved_a_score_the_criteria_are_locked()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        using var secretariat = await _given.SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitAsync(Url(round), [new("Criteria[1].Weight", "2")])).Status);
        var (_, juror) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, entry);
        await ScoringScenario.ScoreAsync(juror, call, entry, [3, null, null, null, null], submit: false);

        var locked = await secretariat.SubmitAsync(Url(round), ThreeLevels(weight: 4));

        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Contains("Jurors have started scoring: the criteria can no longer change.", locked.Errors);
        var criteria = await CriteriaAsync(round);
        Assert.Equal((1, 5, 5), (criteria[0].Weight, criteria[0].ScaleMax, criteria[0].Levels.Count));
        Assert.Equal(2, criteria[1].Weight);
        var removal = await secretariat.SubmitAsync(Url(round), [new("Criteria[4].Remove", "true")]);
        Assert.Contains("Jurors have started scoring: the criteria can no longer change.", removal.Errors);
        Assert.Equal(5, (await CriteriaAsync(round)).Count);
    }
}
