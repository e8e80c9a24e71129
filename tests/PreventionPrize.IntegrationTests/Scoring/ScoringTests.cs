using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Scoring;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>A juror's score sheet: drafts, submission, changes after submitting, and what refuses a sheet.</summary>
public sealed class ScoringTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    [Fact]
    public async Task The_score_page_shows_the_blind_entry_beside_every_criterion_and_its_level_descriptions()
    {
        var (call, _) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, juror) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, entry);

        var page = await juror.GetAsync(ScoringScenario.ScoreUrl(call, entry));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(entry.Title, page.Text);
        Assert.Contains(entry.Description, page.Text);
        Assert.Contains(entry.Evaluation, page.Text);
        Assert.DoesNotContain(entry.OrganisationName, page.Html);
        Assert.DoesNotContain(entry.ContactEmail, page.Html);
        foreach (var criterion in DefaultCriteria.Create())
        {
            Assert.Contains(criterion.NameEn, page.Text);
            Assert.Contains(criterion.DescriptionEn, page.Text);
            foreach (var level in criterion.Levels) Assert.Contains(level.TextEn, page.Text);
        }
        Assert.Equal(25, page.Document.QuerySelectorAll($"{ScoringScenario.ScoreForm} input[type='radio']").Length);
    }

    [Fact]
    public async Task A_draft_with_some_criteria_saves_as_a_draft()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);

        var saved = await ScoringScenario.ScoreAsync(client, call, entry, [4, null, 2, null, null], submit: false, comment: "Strong on youth voice");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(ScoringScenario.ScoreUrl(call, entry), saved.Location);
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal((ScoreStatus.Draft, juror.Member.Id, "Strong on youth voice"), (sheet.Status, sheet.JuryMemberId, sheet.Comment));
        Assert.Equal([4, null, 2, null, null], sheet.Values.Select(v => v.Value));
        Assert.Null(sheet.SubmittedAtUtc);
        var again = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        Assert.Equal([4, null, 2, null, null], ScoringScenario.Checked(again));
    }

    [Fact]
    public async Task Submitting_with_a_criterion_missing_is_refused_naming_it_and_keeps_what_was_typed()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);

        var page = await ScoringScenario.ScoreAsync(client, call, entry, [4, 3, null, 5, 2], submit: true, comment: "Almost done");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Active involvement of young people: choose a score before submitting.", page.Errors);
        Assert.Equal([4, 3, null, 5, 2], ScoringScenario.Checked(page));
        Assert.Equal("Almost done", page.ValueOf("Comment")?.Trim());
        Assert.Empty(await _given.SheetsAsync(round, entry));

        var completed = await ScoringScenario.ScoreAsync(client, call, entry, [4, 3, 1, 5, 2], submit: true, from: page);
        Assert.Equal(HttpStatusCode.Redirect, completed.Status);
        Assert.Equal(ScoreStatus.Submitted, Assert.Single(await _given.SheetsAsync(round, entry)).Status);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public async Task A_value_outside_the_criterions_scale_is_refused(int value)
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);

        var page = await ScoringScenario.ScoreAsync(client, call, entry, [3, value, 3, 3, 3], submit: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Evidence and evaluation: choose a score from 1 to 5.", page.Errors);
        Assert.Empty(await _given.SheetsAsync(round, entry));
        var inScale = await ScoringScenario.ScoreAsync(client, call, entry, [3, 5, 3, 3, 3], submit: false);
        Assert.Equal(HttpStatusCode.Redirect, inScale.Status);
        Assert.Single(await _given.SheetsAsync(round, entry));
    }

    [Fact]
    public async Task Submitting_every_criterion_submits_the_sheet_and_audits_the_old_and_new_values()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        var ids = await _given.CriterionIdsAsync(round);
        await ScoringScenario.ScoreAsync(client, call, entry, [4, null, null, null, null], submit: false);

        var submitted = await ScoringScenario.ScoreAsync(client, call, entry, [4, 3, 2, 5, 1], submit: true);

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal($"/jury/{call.Code}", submitted.Location);
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal(ScoreStatus.Submitted, sheet.Status);
        Assert.NotNull(sheet.SubmittedAtUtc);
        Assert.Equal([4, 3, 2, 5, 1], sheet.Values.Select(v => v.Value));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "score.submitted" && a.Subject == $"entry:{entry.Id}"));
        Assert.Equal(juror.User.Id, audit.ActorId);
        Assert.Contains($": Draft -> Submitted; {ids[0]}: 4 -> 4, {ids[1]}: - -> 3, {ids[2]}: - -> 2, {ids[3]}: - -> 5, {ids[4]}: - -> 1;", audit.Details);
        var draftAudit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "score.saved" && a.Subject == $"entry:{entry.Id}"));
        Assert.Contains("none -> Draft", draftAudit.Details);
    }

    [Fact]
    public async Task Changing_a_submitted_sheet_keeps_it_submitted_and_audits_the_old_and_new_values()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        var ids = await _given.CriterionIdsAsync(round);
        await ScoringScenario.SubmitAllAsync(client, call, entry, 3);

        var page = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        Assert.Contains("Submitted. You can still change your scores until the round closes.", page.Text);
        Assert.Null(page.Document.QuerySelector($"{ScoringScenario.ScoreForm} button[name='Submit'][value='false']"));
        var changed = await ScoringScenario.ScoreAsync(client, call, entry, [3, 3, 5, 3, 3], submit: true, from: page);
        // A draft-save posted from an old tab must not take a submitted sheet back to draft either.
        var asDraft = await ScoringScenario.ScoreAsync(client, call, entry, [3, 3, 5, 3, 4], submit: false);

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.Redirect, asDraft.Status);
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal(ScoreStatus.Submitted, sheet.Status);
        Assert.Equal([3, 3, 5, 3, 4], sheet.Values.Select(v => v.Value));
        var audits = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"entry:{entry.Id}" && a.Action.StartsWith("score."))
            .OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal(3, audits.Count);
        Assert.Contains($": Submitted -> Submitted; {ids[0]}: 3 -> 3, {ids[1]}: 3 -> 3, {ids[2]}: 3 -> 5, {ids[3]}: 3 -> 3, {ids[4]}: 3 -> 3;", audits[1]);
        Assert.Contains($": Submitted -> Submitted; {ids[0]}: 3 -> 3, {ids[1]}: 3 -> 3, {ids[2]}: 5 -> 5, {ids[3]}: 3 -> 3, {ids[4]}: 3 -> 4;", audits[2]);
    }

    [Fact]
    public async Task A_sheet_posted_from_a_stale_page_is_refused_with_a_message()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        await ScoringScenario.ScoreAsync(client, call, entry, [2, null, null, null, null], submit: false);
        var oldTab = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        await ScoringScenario.ScoreAsync(client, call, entry, [5, 5, null, null, null], submit: false);

        var stale = await ScoringScenario.ScoreAsync(client, call, entry, [1, 1, 1, 1, 1], submit: true, from: oldTab);

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.Errors, e => e.StartsWith("Your scores were changed in another window meanwhile."));
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal((ScoreStatus.Draft, 2), (sheet.Status, sheet.Version));
        Assert.Equal([5, 5, null, null, null], sheet.Values.Select(v => v.Value));

        // The message promises the page now shows the saved scores: making the change again from it must work.
        Assert.Equal([5, 5, null, null, null], ScoringScenario.Checked(stale));
        var again = await ScoringScenario.ScoreAsync(client, call, entry, [1, 1, 1, 1, 1], submit: true, from: stale);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(ScoreStatus.Submitted, Assert.Single(await _given.SheetsAsync(round, entry)).Status);
    }

    [Fact]
    public async Task Submitting_the_same_page_twice_keeps_one_sheet()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        var page = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));

        var first = await ScoringScenario.ScoreAsync(client, call, entry, ScoringScenario.Same(4), submit: true, from: page);
        var second = await ScoringScenario.ScoreAsync(client, call, entry, ScoringScenario.Same(4), submit: true, from: page);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, second.Status);
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal((ScoreStatus.Submitted, 1), (sheet.Status, sheet.Version));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "score.submitted" && a.Subject == $"entry:{entry.Id}")));
    }

    [Fact]
    public async Task Two_submissions_of_the_same_page_at_once_keep_one_sheet_and_fail_neither_with_a_server_error()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var page = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
            var value = 1 + attempt;
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                ScoringScenario.ScoreAsync(client, call, entry, ScoringScenario.Same(value), submit: true, from: page)));

            Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)a.Status}"));
            Assert.Contains(answers, a => a.Status == HttpStatusCode.Redirect);
            var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
            Assert.Equal(attempt + 1, sheet.Version);
            Assert.All(sheet.Values, v => Assert.Equal(value, v.Value));
        }
    }

    [Fact]
    public async Task The_score_page_before_first_sight_sends_the_juror_to_the_entry_page()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);

        var before = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        var entryPage = await client.GetAsync(JuryScenario.EntryUrl(call, entry));

        Assert.Equal(HttpStatusCode.Redirect, before.Status);
        Assert.Equal(JuryScenario.EntryUrl(call, entry), before.Location);
        Assert.Null(entryPage.Document.QuerySelector($"a[href='{ScoringScenario.ScoreUrl(call, entry)}']"));
        var posted = await client.PostAsync(ScoringScenario.ScoreUrl(call, entry), [new("Values[0].CriterionId", "1"), new("Submit", "false")]);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.Status);
        Assert.Empty(await _given.SheetsAsync(round, entry));

        await ScoringScenario.ConfirmAsync(client, call, entry);
        var afterConfirm = await client.GetAsync(JuryScenario.EntryUrl(call, entry));
        var link = afterConfirm.Document.QuerySelector($"a[href='{ScoringScenario.ScoreUrl(call, entry)}']");
        Assert.Equal("Score this entry", link?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ScoringScenario.ScoreUrl(call, entry))).Status);
    }

    [Fact]
    public async Task A_conflicted_juror_gets_404_for_the_score_page_and_its_form()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var other = await _given.EntryAsync(call, e => e.OrganisationName = "Unrelated Youth Network");
        var (_, conflicted) = await _given.Jury.ConflictedJurorAsync(call, entry);
        await ScoringScenario.ConfirmAsync(conflicted, call, other);

        var page = await conflicted.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        var posted = await conflicted.PostAsync(ScoringScenario.ScoreUrl(call, entry),
            [new("Values[0].CriterionId", (await _given.CriterionIdsAsync(round))[0].ToString()), new("Values[0].Value", "3"), new("Submit", "false")]);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Empty(await _given.SheetsAsync(round, entry));
        Assert.Equal(HttpStatusCode.OK, (await conflicted.GetAsync(ScoringScenario.ScoreUrl(call, other))).Status);
        await ScoringScenario.SubmitAllAsync(conflicted, call, other, 3);
        Assert.Single(await _given.SheetsAsync(round, other));
    }

    [Fact]
    public async Task After_the_round_closes_the_score_page_is_read_only_and_a_late_score_is_refused()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        await ScoringScenario.ScoreAsync(client, call, entry, [3, null, null, null, null], submit: false);
        var openPage = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        Assert.Equal(HttpStatusCode.OK, openPage.Status);
        using var secretariat = await _given.SecretariatAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync($"/secretariat/rounds/{round.Id}/close")).Status);

        var closedPage = await client.GetAsync(ScoringScenario.ScoreUrl(call, entry));
        Assert.Equal(HttpStatusCode.OK, closedPage.Status);
        Assert.Contains("The round is closed: your scores are final", closedPage.Text);
        Assert.Empty(closedPage.Document.QuerySelectorAll("button[name=Submit]"));
        Assert.NotEmpty(openPage.Document.QuerySelectorAll("button[name=Submit]"));
        var late = await client.SubmitAsync(openPage, [new("Values[0].Value", "5"), new("Submit", "true")], ScoringScenario.ScoreForm);
        Assert.Contains(late.Errors, e => e.Contains("This round is closed"));
        Assert.Equal([3, null, null, null, null], Assert.Single(await _given.SheetsAsync(round, entry)).Values.Select(v => v.Value));
    }

    [Theory]
    [InlineData("Comment", "Comment for the jury's record: at most 4000 characters.")]
    [InlineData("Feedback", "Feedback for the applicant (optional): at most 4000 characters.")]
    public async Task A_comment_or_feedback_over_4000_characters_is_refused(string field, string message)
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        string? Text(string name, int length) => field == name ? new string('x', length) : null;

        var tooLong = await ScoringScenario.ScoreAsync(client, call, entry, ScoringScenario.Same(3), submit: true,
            comment: Text("Comment", JurorScore.CommentMaxLength + 1), feedback: Text("Feedback", JurorScore.CommentMaxLength + 1));

        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains(message, tooLong.Errors);
        Assert.Empty(await _given.SheetsAsync(round, entry));
        var atLimit = await ScoringScenario.ScoreAsync(client, call, entry, ScoringScenario.Same(3), submit: true,
            comment: Text("Comment", JurorScore.CommentMaxLength), feedback: Text("Feedback", JurorScore.CommentMaxLength));
        Assert.Equal(HttpStatusCode.Redirect, atLimit.Status);
        var sheet = Assert.Single(await _given.SheetsAsync(round, entry));
        Assert.Equal(JurorScore.CommentMaxLength, field == "Comment" ? sheet.Comment.Length : sheet.Feedback.Length);
    }
}
