using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>First sight: the juror reads the title and summary, then either confirms they have no conflict or steps away.</summary>
public sealed class RecusalTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    [Fact]
    public async Task At_first_sight_a_juror_reads_only_the_title_and_summary_and_is_asked_about_conflicts()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (_, juror) = await _given.JurorAsync(call);

        var page = await juror.GetAsync(JuryScenario.EntryUrl(call, entry));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(entry.Title, page.Text);
        Assert.Contains(entry.Summary, page.Text);
        Assert.NotNull(page.Document.QuerySelector(JuryScenario.ConfirmForm));
        Assert.NotNull(page.Document.QuerySelector(JuryScenario.RecuseForm));
        Assert.DoesNotContain(entry.Description, page.Text);
        Assert.DoesNotContain(entry.YouthInvolvement, page.Text);
        Assert.DoesNotContain(entry.Evaluation, page.Text);
    }

    [Fact]
    public async Task Confirming_no_conflict_opens_the_whole_entry()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);

        var confirmed = await client.SubmitAsync(JuryScenario.EntryUrl(call, entry), [], JuryScenario.ConfirmForm);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(JuryScenario.EntryUrl(call, entry), confirmed.Location);

        var page = await client.GetAsync(JuryScenario.EntryUrl(call, entry));
        Assert.Contains(entry.Description, page.Text);
        Assert.Contains(entry.YouthInvolvement, page.Text);
        Assert.Contains(entry.Evaluation, page.Text);
        Assert.Null(page.Document.QuerySelector(JuryScenario.ConfirmForm));
        Assert.NotNull(page.Document.QuerySelector(JuryScenario.RecuseForm));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "juror.noconflict" && a.Subject == $"entry:{entry.Id}" && a.ActorId == juror.User.Id)));
    }

    [Fact]
    public async Task Confirming_twice_records_one_first_sight()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);

        var first = await client.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm");
        var second = await client.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.FirstSights.CountAsync(s => s.JuryMemberId == juror.Member.Id && s.EntryId == entry.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "juror.noconflict" && a.Subject == $"entry:{entry.Id}")));
    }

    [Fact]
    public async Task Stepping_away_makes_a_hard_recusal_conflict_and_the_entry_vanishes_for_the_juror()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call);

        var recused = await client.SubmitAsync(JuryScenario.EntryUrl(call, entry),
            [new("Type", "Family"), new("Reason", "  My cousin coordinates this project.  ")], JuryScenario.RecuseForm);

        Assert.Equal(HttpStatusCode.Redirect, recused.Status);
        Assert.Equal($"/jury/{call.Code}", recused.Location);
        var conflict = await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.JuryMemberId == juror.Member.Id && c.EntryId == entry.Id));
        Assert.Equal((ConflictType.Family, ConflictSeverity.Hard, ConflictSource.Recusal), (conflict.Type, conflict.Severity, conflict.Source));
        Assert.Equal("My cousin coordinates this project.", conflict.Reason);
        Assert.True(conflict.Binding);
        Assert.Equal(juror.User.Id, conflict.FoundById);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "juror.recused" && a.Subject == $"entry:{entry.Id}"));
        Assert.Equal(juror.User.Id, audit.ActorId);
        Assert.Equal($"juror:{juror.Member.Id} Family", audit.Details); // the reason names a person: on the row only

        var list = await client.GetAsync($"/jury/{call.Code}");
        Assert.Empty(JuryScenario.ListedReferences(list, call));
        Assert.DoesNotContain(entry.Reference!, list.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/recuse", [new("Type", "Other"), new("Reason", "again")])).Status);
    }

    [Fact]
    public async Task Stepping_away_after_confirming_no_conflict_still_removes_the_entry()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);
        await client.PostAsync($"{JuryScenario.EntryUrl(call, entry)}/confirm");

        await JuryScenario.RecuseAsync(client, call, entry, "Advisory", "I now advise their board.");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "Other", "", "Reason: this field is required." },
        { "Other", "   ", "Reason: this field is required." },
        { "Other", new string('x', Conflict.ReasonMaxLength + 1), $"Reason: at most {Conflict.ReasonMaxLength} characters." },
        { "", "I know them", "Kind of conflict" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_recusal_without_a_kind_or_a_reason_of_fitting_length_shows_the_form_again_with_the_reason(string type, string reason, string message)
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (_, client) = await _given.JurorAsync(call);

        var page = await client.SubmitAsync(JuryScenario.EntryUrl(call, entry), [new("Type", type), new("Reason", reason)], JuryScenario.RecuseForm);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        Assert.Contains(entry.Title, page.Text);
        Assert.Equal(reason.Trim().Length > 0 ? reason : "", page.Document.QuerySelector("textarea[name='Reason']")?.TextContent.Trim() ?? "");
        Assert.False(await app.WithDbAsync(db => db.Conflicts.AnyAsync(c => c.EntryId == entry.Id)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "juror.recused" && a.Subject == $"entry:{entry.Id}")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
    }
}
