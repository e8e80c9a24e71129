using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Audit;
using PreventionPrize.Core.Entries;
using PreventionPrize.IntegrationTests.Jury;
using PreventionPrize.IntegrationTests.Scoring;

namespace PreventionPrize.IntegrationTests.Audit;

/// <summary>
/// Workflows performed as people perform them (over HTTP), and the event each leaves in the trail: what changed, old
/// and new, by ids and codes only. A change that is refused leaves no event, because both are one transaction.
/// </summary>
public sealed class AuditedWorkflowTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    private Task<List<AuditEvent>> EventsAsync(string action, string subject) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action && a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Scores_entered_and_changed_are_recorded_criterion_by_criterion_old_to_new_without_the_comment_text()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        var c = await _given.CriterionIdsAsync(round);

        await ScoringScenario.ScoreAsync(client, call, entry, [2, null, null, null, null], submit: false, comment: "COMMENT-MARKER first thoughts", feedback: "");
        await ScoringScenario.ScoreAsync(client, call, entry, [2, 3, 4, 5, 1], submit: true, comment: "COMMENT-MARKER first thoughts", feedback: "");
        await ScoringScenario.ScoreAsync(client, call, entry, [2, 3, 4, 5, 2], submit: true, comment: "COMMENT-MARKER on reflection", feedback: "");

        var prefix = $"round:{round.Id} juror:{juror.Member.Id}: ";
        var saved = Assert.Single(await EventsAsync("score.saved", $"entry:{entry.Id}"));
        Assert.Equal(prefix + $"none -> Draft; {c[0]}: - -> 2, {c[1]}: - -> -, {c[2]}: - -> -, {c[3]}: - -> -, {c[4]}: - -> -; comment changed; feedback unchanged", saved.Details);
        var submitted = await EventsAsync("score.submitted", $"entry:{entry.Id}");
        Assert.Equal([
            prefix + $"Draft -> Submitted; {c[0]}: 2 -> 2, {c[1]}: - -> 3, {c[2]}: - -> 4, {c[3]}: - -> 5, {c[4]}: - -> 1; comment unchanged; feedback unchanged",
            prefix + $"Submitted -> Submitted; {c[0]}: 2 -> 2, {c[1]}: 3 -> 3, {c[2]}: 4 -> 4, {c[3]}: 5 -> 5, {c[4]}: 1 -> 2; comment changed; feedback unchanged",
        ], submitted.Select(a => a.Details));
        Assert.All(submitted.Append(saved), a => Assert.Equal(juror.User.Id, a.ActorId));
        Assert.All(submitted.Append(saved), a => Assert.DoesNotContain("MARKER", a.Details));

        // The Secretariat reads the same on the trail page, filtered to this entry's score events.
        using var secretariat = await _given.SecretariatAsync();
        var page = await secretariat.GetAsync($"/secretariat/audit?action=score&subject=entry:{entry.Id}");
        Assert.Equal(3, page.Document.QuerySelectorAll("table.audit tbody tr").Length);
        Assert.Contains($"{c[4]}: 1 -> 2", page.Text);
    }

    [Fact]
    public async Task Abstaining_after_scoring_records_which_score_is_withdrawn()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        await ScoringScenario.SubmitAllAsync(client, call, entry, 4);

        await JuryScenario.RecuseAsync(client, call, entry, "Family", "A cousin joined the team");

        var recused = Assert.Single(await EventsAsync("juror.recused", $"entry:{entry.Id}"));
        Assert.Equal(juror.User.Id, recused.ActorId);
        Assert.StartsWith($"juror:{juror.Member.Id} Family; ", recused.Details);
        Assert.DoesNotContain("cousin", recused.Details);
        Assert.EndsWith($"; scores withdrawn: round:{round.Id} Submitted", recused.Details);
    }

    [Fact]
    public async Task Revoking_a_role_is_recorded_and_a_refused_revocation_records_nothing()
    {
        var person = await app.CreateUserAsync($"juror-{Guid.NewGuid():N}@example.org", Roles.Juror);
        var email = $"secretary-{Guid.NewGuid():N}@example.org";
        var secretary = await app.CreateUserAsync(email, Roles.Secretariat);
        using var secretariat = app.NewClient();
        await secretariat.SignInAsync(email);

        var revoked = await secretariat.PostAsync($"/secretariat/users/{person.Id}/roles", [new("role", Roles.Juror), new("grant", "false")]);
        var self = await secretariat.PostAsync($"/secretariat/users/{secretary.Id}/roles", [new("role", Roles.Secretariat), new("grant", "false")]);

        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        var audit = Assert.Single(await EventsAsync("role.revoked", $"user:{person.Id}"));
        Assert.Equal((secretary.Id, Roles.Juror), (audit.ActorId, audit.Details));
        Assert.False(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == person.Id)));
        Assert.Equal(HttpStatusCode.Redirect, self.Status);
        Assert.Empty(await EventsAsync("role.revoked", $"user:{secretary.Id}"));
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == secretary.Id)));
    }

    [Fact]
    public async Task A_changed_decision_is_recorded_old_to_new_without_its_rationale_and_a_refused_one_records_nothing()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var entry = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var url = $"/secretariat/calls/{call.Code}/decisions/{entry.Id}";

        await secretariat.PostAsync(url, [new("Outcome", "FirstPrize"), new("Rationale", "RATIONALE-MARKER: young people lead it."), new("Version", "0")]);
        await secretariat.PostAsync(url, [new("Outcome", "Finalist"), new("Rationale", "RATIONALE-MARKER: on reflection."), new("Version", "1")]);
        await secretariat.PostAsync(url, [new("Outcome", "Finalist"), new("Rationale", "RATIONALE-MARKER: on reflection."), new("Version", "2")]);
        await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResultsReleasedAtUtc, app.Clock.GetUtcNow().UtcDateTime)));
        var refused = await secretariat.PostAsync(url, [new("Outcome", "FirstPrize"), new("Rationale", "Too late."), new("Version", "3")]);

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(
            [$"call:{call.Code} none -> FirstPrize; rationale written", $"call:{call.Code} FirstPrize -> Finalist; rationale changed",
             $"call:{call.Code} Finalist -> Finalist; rationale unchanged"],
            (await EventsAsync("decision.recorded", $"entry:{entry.Id}")).Select(a => a.Details));
        Assert.Equal(Core.Decisions.Outcome.Finalist, (await app.WithDbAsync(db => db.Decisions.SingleAsync(d => d.EntryId == entry.Id))).Outcome);
    }

    [Fact]
    public async Task Every_export_the_Secretariat_takes_is_recorded_with_what_it_held()
    {
        var (call, round) = await _given.RoundAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(client, call, entry);
        await ScoringScenario.SubmitAllAsync(client, call, entry, 3);
        using var secretariat = await _given.SecretariatAsync();

        foreach (var url in new[] { $"/secretariat/rounds/{round.Id}/results.csv", $"/secretariat/rounds/{round.Id}/results.xlsx",
                     $"/secretariat/rounds/{round.Id}/assignments.csv", $"/secretariat/calls/{call.Code}/entries.csv" })
            Assert.Equal(HttpStatusCode.OK, (await secretariat.Http.GetAsync(url)).StatusCode);

        Assert.Equal(["Csv, 1 score sheets", "Xlsx, 1 score sheets"], (await EventsAsync("results.exported", $"round:{round.Id}")).Select(a => a.Details));
        Assert.Single(await EventsAsync("assignment.exported", $"round:{round.Id}"));
        Assert.Single(await EventsAsync("entries.exported", $"call:{call.Code}"));
    }

    [Fact]
    public async Task Moving_a_rounds_scoring_deadline_is_recorded_old_to_new_and_other_edits_are_not_a_move()
    {
        var (_, round) = await _given.RoundAsync();
        using var secretariat = await _given.SecretariatAsync();
        var before = (await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round.Id))).ScoringDeadlineUtc;
        var form = $"form[action='/secretariat/rounds/{round.Id}']";

        var moved = await secretariat.SubmitAsync($"/secretariat/rounds/{round.Id}", [new("ScoringDeadlineLocal", "2031-03-14T18:00")], form);
        var renamed = await secretariat.SubmitAsync($"/secretariat/rounds/{round.Id}", [new("NameEn", "Renamed round")], form);

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        // 18:00 in Strasbourg on 14 March 2031 is winter time: 17:00 UTC.
        var audit = Assert.Single(await EventsAsync("round.deadline-moved", $"round:{round.Id}"));
        Assert.Equal($"{before:O} -> {new DateTime(2031, 3, 14, 17, 0, 0, DateTimeKind.Utc):O}", audit.Details);
        Assert.Equal(2, (await EventsAsync("round.changed", $"round:{round.Id}")).Count);
    }

    [Fact]
    public async Task An_invitation_is_recorded_against_the_juror_it_creates()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        using var secretariat = await _given.SecretariatAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.org";

        await _given.Jury.InviteAsync(secretariat, call, "Noor Haddad", email);

        var member = await app.WithDbAsync(db => db.JuryMembers.SingleAsync(m => m.Email == email));
        var invited = Assert.Single(await EventsAsync("jury.invited", $"juror:{member.Id}"));
        Assert.Equal($"call:{call.Code} en", invited.Details);
        Assert.DoesNotContain("Noor", invited.Details);
    }
}
