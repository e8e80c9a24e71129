using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Scoring;

/// <summary>The Secretariat's view of a round's completion, its reminders, and closing and reopening the round.</summary>
public sealed class MonitorTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly ScoringScenario _given = new(app);

    private sealed record Counts(int Given, int Submitted, int Drafts, int Missing);

    /// <summary>A monitor table (0: by juror, 1: by entry) as label → counts.</summary>
    private static Dictionary<string, Counts> Table(Page page, int index) =>
        page.Document.QuerySelectorAll("table")[index].QuerySelectorAll("tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent.Trim(),
            row => row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent.Trim())).ToArray() is var n ? new Counts(n[0], n[1], n[2], n[3]) : null!);

    /// <summary>The value beside a term of the monitor's facts list, or null when the term is not shown.</summary>
    private static string? Fact(Page page, string term) =>
        page.Document.QuerySelectorAll("dl.facts dt").FirstOrDefault(dt => dt.TextContent.Trim() == term)?.NextElementSibling?.TextContent.Trim();

    private sealed record Jury(Call Call, Round Round, Entry[] Entries, (TestJurors.TestJuror Juror, TestClient Client)[] Jurors);

    /// <summary>Three entries from three organisations; Ana, Bram and Chidi have each opened all three.</summary>
    private async Task<Jury> JuryAsync()
    {
        var (call, round) = await _given.RoundAsync();
        var entries = new[]
        {
            await _given.EntryAsync(call, e => e.OrganisationName = "Connected Youth Association"),
            await _given.EntryAsync(call, e => e.OrganisationName = "Safer Screens Network"),
            await _given.EntryAsync(call, e => e.OrganisationName = "Play Fair Collective"),
        };
        var jurors = new[] { await _given.JurorAsync(call, "Ana Lopes"), await _given.JurorAsync(call, "Bram de Vries"), await _given.JurorAsync(call, "Chidi Eze") };
        foreach (var (_, client) in jurors) await ScoringScenario.ConfirmAsync(client, call, entries);
        return new Jury(call, round, entries, jurors);
    }

    private static string MonitorUrl(Round round) => $"/secretariat/rounds/{round.Id}/monitor";

    private Task<List<string>> OutboxAsync(string kind, string email) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == kind && m.ToAddress == email).OrderBy(m => m.IdempotencyKey).Select(m => m.IdempotencyKey).ToListAsync());

    [Fact]
    public async Task The_monitor_counts_given_submitted_drafts_and_missing_by_juror_and_by_entry()
    {
        var jury = await JuryAsync();
        var (call, e) = (jury.Call, jury.Entries);
        var (ana, bram) = (jury.Jurors[0].Client, jury.Jurors[1].Client);
        await ScoringScenario.SubmitAllAsync(ana, call, e[0], 4);
        await ScoringScenario.SubmitAllAsync(ana, call, e[1], 3);
        await ScoringScenario.ScoreAsync(ana, call, e[2], [2, null, null, null, null], submit: false);
        await ScoringScenario.SubmitAllAsync(bram, call, e[0], 5);
        using var secretariat = await _given.SecretariatAsync();

        var page = await secretariat.GetAsync(MonitorUrl(jury.Round));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(new Dictionary<string, Counts>
        {
            ["Ana Lopes"] = new(3, 2, 1, 1), ["Bram de Vries"] = new(3, 1, 0, 2), ["Chidi Eze"] = new(3, 0, 0, 3),
        }, Table(page, 0));
        Assert.Equal(new Dictionary<string, Counts>
        {
            [e[0].Reference!] = new(3, 2, 0, 1), [e[1].Reference!] = new(3, 1, 0, 2), [e[2].Reference!] = new(3, 0, 1, 3),
        }, Table(page, 1));
        Assert.Contains("Scores submitted 3 of 9", page.Text);
        Assert.DoesNotContain("Scores that do not count", page.Text);
    }

    [Fact]
    public async Task A_score_from_a_juror_later_found_conflicted_stops_counting_and_is_shown_apart()
    {
        var jury = await JuryAsync();
        var (call, e) = (jury.Call, jury.Entries);
        var ana = jury.Jurors[0];
        await ScoringScenario.SubmitAllAsync(ana.Client, call, e[0], 4);
        await ScoringScenario.SubmitAllAsync(ana.Client, call, e[1], 3);
        using var secretariat = await _given.SecretariatAsync();
        var before = await secretariat.GetAsync(MonitorUrl(jury.Round));
        Assert.Equal(new Counts(3, 2, 0, 1), Table(before, 0)["Ana Lopes"]);
        Assert.Equal(new Counts(3, 1, 0, 2), Table(before, 1)[e[0].Reference!]);
        Assert.Null(Fact(before, "Scores that do not count (a conflict found later)"));

        // Ana updates her profile: she works for the first entry's organisation, and detection finds it.
        await app.WithDbAsync(async db =>
        {
            var member = await db.JuryMembers.SingleAsync(m => m.Id == ana.Juror.Member.Id);
            member.Profile.Organisations.Add(new JurorOrganisation { Name = e[0].OrganisationName });
            return await db.SaveChangesAsync();
        });
        await app.DetectConflictsAsync(call.Id);
        var after = await secretariat.GetAsync(MonitorUrl(jury.Round));

        Assert.Equal(new Counts(2, 1, 0, 1), Table(after, 0)["Ana Lopes"]);
        Assert.Equal(new Counts(2, 0, 0, 2), Table(after, 1)[e[0].Reference!]);
        Assert.Equal("1", Fact(after, "Scores that do not count (a conflict found later)"));
        Assert.Contains("Scores submitted 1 of 8", after.Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Scores.CountAsync(s => s.JuryMemberId == ana.Juror.Member.Id)));
    }

    [Fact]
    public async Task A_reminder_goes_once_per_batch_only_to_jurors_with_scores_missing_saying_how_many_and_naming_no_entry()
    {
        var jury = await JuryAsync();
        var (call, e) = (jury.Call, jury.Entries);
        var (ana, bram, chidi) = (jury.Jurors[0], jury.Jurors[1], jury.Jurors[2]);
        foreach (var entry in e) await ScoringScenario.SubmitAllAsync(ana.Client, call, entry, 3);
        await ScoringScenario.SubmitAllAsync(bram.Client, call, e[0], 3);
        await ScoringScenario.ScoreAsync(bram.Client, call, e[1], [3, null, null, null, null], submit: false);
        using var secretariat = await _given.SecretariatAsync();

        var reminded = await secretariat.SubmitAsync(MonitorUrl(jury.Round), [], "form[action$='/remind']");

        Assert.Equal(HttpStatusCode.Redirect, reminded.Status);
        Assert.Contains("Reminders are on their way", (await secretariat.GetAsync(reminded.Location!)).Text);
        Assert.Empty(await OutboxAsync("jury.scoringreminder", ana.Juror.Email));
        Assert.Equal([$"jury.scoringreminder:{jury.Round.Id}:{bram.Juror.Member.Id}:1"], await OutboxAsync("jury.scoringreminder", bram.Juror.Email));
        Assert.Single(await OutboxAsync("jury.scoringreminder", chidi.Juror.Email));
        var toBram = await app.Mail.WaitForMessageTo(bram.Juror.Email);
        var toChidi = await app.Mail.WaitForMessageTo(chidi.Juror.Email);
        Assert.Contains("You still have 2 entries to score in First round", toBram.TextBody);
        Assert.Contains("You still have 3 entries to score in First round", toChidi.TextBody);
        foreach (var mail in new[] { toBram, toChidi })
            foreach (var entry in e)
            {
                Assert.DoesNotContain(entry.Reference!, $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}");
                Assert.DoesNotContain(entry.Title, $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}");
            }

        await secretariat.SubmitAsync(MonitorUrl(jury.Round), [], "form[action$='/remind']");

        Assert.Equal([$"jury.scoringreminder:{jury.Round.Id}:{bram.Juror.Member.Id}:1", $"jury.scoringreminder:{jury.Round.Id}:{bram.Juror.Member.Id}:2"],
            await OutboxAsync("jury.scoringreminder", bram.Juror.Email));
        Assert.Equal(2, (await OutboxAsync("jury.scoringreminder", chidi.Juror.Email)).Count);
        Assert.Empty(await OutboxAsync("jury.scoringreminder", ana.Juror.Email));
        await app.Mail.WaitForMessageTo(chidi.Juror.Email, count: 2);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "round.reminded" && a.Subject == $"round:{jury.Round.Id}")));
    }

    [Fact]
    public async Task Closing_thanks_each_juror_by_e_mail_and_leaves_their_entries_read_only()
    {
        var jury = await JuryAsync();
        var (call, e) = (jury.Call, jury.Entries);
        await ScoringScenario.SubmitAllAsync(jury.Jurors[0].Client, call, e[0], 3);
        foreach (var (_, client) in jury.Jurors) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JuryScenario.EntryUrl(call, e[1]))).Status);
        using var secretariat = await _given.SecretariatAsync();

        var closed = await secretariat.SubmitAsync(MonitorUrl(jury.Round), [], "form[action$='/close']");

        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Equal(RoundStatus.Closed, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == jury.Round.Id).Select(r => r.Status).SingleAsync()));
        foreach (var (juror, client) in jury.Jurors)
        {
            Assert.Single(await OutboxAsync("jury.roundclosed", juror.Email));
            var mail = await app.Mail.WaitForMessageTo(juror.Email);
            Assert.Contains("First round is closed", mail.Subject);
            Assert.Contains("Thank you for your time and care.", mail.TextBody);
            // The entries stay readable (read-only) after the round closes; scoring them is over.
            foreach (var entry in e) Assert.Contains("The round is closed", (await client.GetAsync(ScoringScenario.ScoreUrl(call, entry))).Text);
        }
        var monitor = await secretariat.GetAsync(MonitorUrl(jury.Round));
        Assert.NotNull(monitor.Document.QuerySelector("form[action$='/reopen']"));
        Assert.Null(monitor.Document.QuerySelector("form[action$='/remind']"));
    }

    [Fact]
    public async Task Reopening_needs_a_reason_which_the_audit_keeps()
    {
        var jury = await JuryAsync();
        var (call, entry) = (jury.Call, jury.Entries[0]);
        var juror = jury.Jurors[0].Client;
        using var secretariat = await _given.SecretariatAsync();
        await secretariat.SubmitAsync(MonitorUrl(jury.Round), [], "form[action$='/close']");

        var refused = await secretariat.SubmitAsync(MonitorUrl(jury.Round), [new("reason", "  ")], "form[action$='/reopen']");

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("Why the round is reopened: this field is required.", (await secretariat.GetAsync(refused.Location!)).Document.QuerySelector(".flash-error")?.TextContent);
        Assert.Equal(RoundStatus.Closed, await StatusAsync(jury.Round));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "round.reopened" && a.Subject == $"round:{jury.Round.Id}")));
        Assert.Contains("The round is closed", (await juror.GetAsync(ScoringScenario.ScoreUrl(call, entry))).Text);

        var reopened = await secretariat.SubmitAsync(MonitorUrl(jury.Round), [new("reason", "A juror's scores were lost in a power cut")], "form[action$='/reopen']");

        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        Assert.Contains("The round is open again.", (await secretariat.GetAsync(reopened.Location!)).Text);
        Assert.Equal(RoundStatus.Open, await StatusAsync(jury.Round));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "round.reopened" && a.Subject == $"round:{jury.Round.Id}"));
        Assert.Equal("A juror's scores were lost in a power cut", audit.Details);
        Assert.Equal(HttpStatusCode.OK, (await juror.GetAsync(ScoringScenario.ScoreUrl(call, entry))).Status);
    }

    private Task<RoundStatus> StatusAsync(Round round) => app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.Id).Select(r => r.Status).SingleAsync());
}
