using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>What the scoring tests start from: an open round with the default criteria, entries, ready jurors, and the score form.</summary>
public sealed class ScoringScenario(PrizeAppFactory app)
{
    public const string ScoreForm = "form[action$='/score']";

    public JuryScenario Jury { get; } = new(app);

    /// <summary>A closed call whose first round is open to every ready juror for every eligible entry, five criteria on a 1–5 scale.</summary>
    public async Task<(Call Call, Round Round)> RoundAsync(ScoreVisibility visibility = ScoreVisibility.Never)
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var round = await app.OpenRoundForEveryoneAsync(call);
        if (visibility != ScoreVisibility.Never)
            await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ScoreVisibility, visibility)));
        return (call, round);
    }

    public Task<Entry> EntryAsync(Call call, Action<Entry>? change = null) => Jury.EntryAsync(call, change: change);

    public Task<(TestJurors.TestJuror Juror, TestClient Client)> JurorAsync(Call call, string name = "Ines Okafor") => Jury.JurorAsync(call, name);

    public static string ScoreUrl(Call call, Entry entry) => $"{JuryScenario.EntryUrl(call, entry)}/score";

    /// <summary>Answers the first-sight question ("no conflict"), which opens the score sheet.</summary>
    public static async Task ConfirmAsync(TestClient juror, Call call, params Entry[] entries)
    {
        foreach (var entry in entries)
        {
            var confirmed = await juror.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm");
            if (confirmed.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Confirming answered {(int)confirmed.Status}");
        }
    }

    /// <summary>
    /// Fills the score form as a juror does: one value per criterion in the form's order (null leaves it unchosen),
    /// then presses "save a draft" or "submit". <paramref name="from"/> posts a page read earlier (another window).
    /// </summary>
    public static async Task<Page> ScoreAsync(TestClient juror, Call call, Entry entry, int?[] values, bool submit,
        string? comment = null, string? feedback = null, Page? from = null)
    {
        var page = from ?? await juror.GetAsync(ScoreUrl(call, entry));
        if (page.Status != HttpStatusCode.OK) throw new InvalidOperationException($"The score page answered {(int)page.Status}");
        var fields = values.Select((v, i) => new KeyValuePair<string, string>($"Values[{i}].Value", v?.ToString() ?? "")).ToList();
        fields.Add(new("Submit", submit ? "true" : "false"));
        if (comment is not null) fields.Add(new("Comment", comment));
        if (feedback is not null) fields.Add(new("Feedback", feedback));
        return await juror.SubmitAsync(page, fields, ScoreForm);
    }

    /// <summary>Submits every criterion with the same value and expects the redirect to the dashboard.</summary>
    public static async Task SubmitAllAsync(TestClient juror, Call call, Entry entry, int value)
    {
        var page = await ScoreAsync(juror, call, entry, Same(value), submit: true);
        if (page.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Submitting answered {(int)page.Status}: {string.Join(" | ", page.Errors)}");
    }

    public static int?[] Same(int value) => [value, value, value, value, value];

    public Task<List<int>> CriterionIdsAsync(Round round) =>
        app.WithDbAsync(db => db.Criteria.Where(c => c.RoundId == round.Id).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync());

    public Task<List<JurorScore>> SheetsAsync(Round round, Entry entry) =>
        app.WithDbAsync(db => db.Scores.AsNoTracking().Where(s => s.RoundId == round.Id && s.EntryId == entry.Id).OrderBy(s => s.Id).ToListAsync());

    /// <summary>The radio values ticked on a score page, in criterion order (null when none is ticked).</summary>
    public static IReadOnlyList<int?> Checked(Page page) =>
        Enumerable.Range(0, 5).Select(i => page.Document.QuerySelector($"{ScoreForm} input[name='Values[{i}].Value'][checked]")?.GetAttribute("value") is { } v
            ? int.Parse(v) : (int?)null).ToList();

    public Task<TestClient> SecretariatAsync() => Jury.SecretariatAsync();
}
