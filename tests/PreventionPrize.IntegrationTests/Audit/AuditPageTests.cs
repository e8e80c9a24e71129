using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Audit;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Audit;

/// <summary>
/// The Secretariat's audit trail page and its CSV export: each filter returns the events it names and no other, pages
/// follow each other without gaps, the export holds the filtered rows only and is itself recorded.
/// </summary>
public sealed class AuditPageTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    /// <summary>A subject no other test writes, so a filter on it sees only this test's events.</summary>
    private static string NewSubject(string kind = "entry") => $"{kind}:{Random.Shared.Next(10_000_000, int.MaxValue)}";

    private Task<int> SeedAsync(params AuditEvent[] events) => app.WithDbAsync(db =>
    {
        db.AuditEvents.AddRange(events);
        return db.SaveChangesAsync();
    });

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static AuditEvent Event(string action, string subject, DateTime atUtc, string? actorId = null, string? details = null) =>
        new() { Action = action, Subject = subject, AtUtc = atUtc, ActorId = actorId, Details = details };

    private static List<string> Rows(Page page, int column) =>
        page.Document.QuerySelectorAll("table.audit tbody tr").Select(tr => tr.Children[column].TextContent.Trim()).ToList();

    /// <summary>The raw dotted actions of the rows shown, in order.</summary>
    private static List<string> Actions(Page page) =>
        page.Document.QuerySelectorAll("table.audit tbody tr td:nth-child(3) code").Select(c => c.TextContent).ToList();

    [Fact]
    public async Task An_action_family_or_an_exact_action_finds_only_those_events_newest_first()
    {
        var subject = NewSubject();
        await SeedAsync(Event("score.saved", subject, Now.AddMinutes(-3)), Event("score.submitted", subject, Now.AddMinutes(-2)),
            Event("entry.screened", subject, Now.AddMinutes(-1)), Event("scorecard.other", subject, Now));
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var family = await secretariat.GetAsync($"/secretariat/audit?action=score&subject={subject}");
        var dotted = await secretariat.GetAsync($"/secretariat/audit?action=score.&subject={subject}");
        var exact = await secretariat.GetAsync($"/secretariat/audit?action=score.saved&subject={subject}");
        var all = await secretariat.GetAsync($"/secretariat/audit?subject={subject}");

        Assert.Equal(HttpStatusCode.OK, family.Status);
        Assert.Equal(["score.submitted", "score.saved"], Actions(family));
        Assert.Equal(["score.submitted", "score.saved"], Actions(dotted));
        Assert.Equal(["score.saved"], Actions(exact));
        Assert.Equal(["scorecard.other", "entry.screened", "score.submitted", "score.saved"], Actions(all));
        Assert.Contains("Scores submitted", family.Text);
    }

    [Fact]
    public async Task A_call_subject_finds_the_events_of_its_rounds_entries_and_jurors_and_no_other_call()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var other = await EntryBuilder.CreateCallAsync(app);
        var round = await app.OpenRoundForEveryoneAsync(call);
        var entry = await new EntryBuilder(app).In(call).SaveAsync();
        var elsewhere = await new EntryBuilder(app).In(other).SaveAsync();
        var juror = await app.CreateReadyJurorAsync(call, "Ida Berg");
        await SeedAsync(Event("call.opened", $"call:{call.Code}", Now.AddMinutes(-4)), Event("round.closed", $"round:{round.Id}", Now.AddMinutes(-3)),
            Event("entry.screened", $"entry:{entry.Id}", Now.AddMinutes(-2)), Event("jury.accepted", $"juror:{juror.Member.Id}", Now.AddMinutes(-1)),
            Event("entry.screened", $"entry:{elsewhere.Id}", Now), Event("call.opened", $"call:{other.Code}", Now));
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/audit?subject=call:{call.Code}&action=call.opened");
        var everything = await secretariat.GetAsync($"/secretariat/audit?subject=call:{call.Code}");

        Assert.Equal(["call.opened"], Actions(page));
        var subjects = Rows(everything, 3);
        Assert.Contains(subjects, s => s.StartsWith($"call:{call.Code}"));
        Assert.Contains(subjects, s => s.StartsWith($"round:{round.Id}"));
        Assert.Contains(subjects, s => s.StartsWith($"entry:{entry.Id}"));
        Assert.Contains(subjects, s => s.StartsWith($"juror:{juror.Member.Id}"));
        Assert.DoesNotContain(subjects, s => s.StartsWith($"entry:{elsewhere.Id}") || s.StartsWith($"call:{other.Code}"));
        // Each subject opens the thing it names, and an entry shows its reference beside its id.
        Assert.NotNull(everything.Document.QuerySelector($"a[href='/secretariat/entries/{entry.Id}']"));
        Assert.NotNull(everything.Document.QuerySelector($"a[href='/secretariat/rounds/{round.Id}']"));
        Assert.NotNull(everything.Document.QuerySelector($"a[href='/secretariat/calls/{call.Code}/jury/{juror.Member.Id}']"));
        Assert.Contains(entry.Reference!, everything.Text);
    }

    [Fact]
    public async Task The_actor_filter_takes_an_e_mail_address_or_system_and_names_who_acted()
    {
        var subject = NewSubject();
        var email = $"Actor-{Guid.NewGuid():N}@Example.org";
        var actor = await app.CreateUserAsync(email.ToLowerInvariant(), Roles.Secretariat);
        var erased = await app.CreateUserAsync($"erased-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == erased.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ErasedAtUtc, Now)));
        await SeedAsync(Event("call.edited", subject, Now.AddMinutes(-3), actor.Id), Event("results.released", subject, Now.AddMinutes(-2)),
            Event("entry.withdrawn", subject, Now.AddMinutes(-1), erased.Id), Event("entry.started", subject, Now, "an-id-that-is-gone"));
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var byEmail = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&actor={Uri.EscapeDataString(email.ToUpperInvariant())}");
        var bySystem = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&actor=system");
        var all = await secretariat.GetAsync($"/secretariat/audit?subject={subject}");
        var unknown = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&actor=nobody@example.org");

        Assert.Equal(["call.edited"], Actions(byEmail));
        Assert.Equal(["results.released"], Actions(bySystem));
        Assert.Equal(["deleted account", "deleted account", "system", email.ToLowerInvariant()], Rows(all, 1));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("No account has this e-mail address.", unknown.Text);
        Assert.Empty(Actions(unknown));
    }

    [Fact]
    public async Task Days_are_Strasbourg_days_and_the_last_day_is_included()
    {
        var subject = NewSubject();
        // 22:30 UTC on 30 March 2026 is already 31 March in Strasbourg (summer time, UTC+2).
        await SeedAsync(Event("entry.submitted", subject, new DateTime(2026, 3, 30, 21, 59, 0, DateTimeKind.Utc)),
            Event("entry.withdrawn", subject, new DateTime(2026, 3, 30, 22, 30, 0, DateTimeKind.Utc)),
            Event("entry.started", subject, new DateTime(2026, 3, 31, 21, 59, 0, DateTimeKind.Utc)),
            Event("entry.screened", subject, new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Utc)));
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var day = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&from=2026-03-31&to=2026-03-31");
        var since = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&from=2026-04-01");
        var until = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&to=2026-03-30");

        Assert.Equal(["entry.started", "entry.withdrawn"], Actions(day));
        Assert.Equal(["entry.screened"], Actions(since));
        Assert.Equal(["entry.submitted"], Actions(until));
        Assert.Contains("31 March 2026 00:30 (CEST, UTC+02:00)", day.Text);
    }

    [Fact]
    public async Task Text_in_the_details_is_found_whatever_its_case()
    {
        var subject = NewSubject();
        await SeedAsync(Event("round.reopened", subject, Now.AddMinutes(-1), details: "Scores lost in a Power Cut"),
            Event("round.closed", subject, Now, details: "3 jurors thanked"), Event("assignment.repaired", subject, Now, details: "100 % covered, 1 short list"));
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&text=power%20cut");
        var percent = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&text={Uri.EscapeDataString("3%")}");
        var underscore = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&text={Uri.EscapeDataString("t_list")}");
        var both = await secretariat.GetAsync($"/secretariat/audit?subject={subject}&text={Uri.EscapeDataString("0 %")}");

        Assert.Equal(["round.reopened"], Actions(page));
        Assert.Contains("Scores lost in a Power Cut", page.Text);
        // What is typed is text, not a pattern: "3%" is not "3 jurors", "t_list" is not "t list".
        Assert.Empty(Actions(percent));
        Assert.Empty(Actions(underscore));
        Assert.Equal(["assignment.repaired"], Actions(both));
    }

    [Fact]
    public async Task Older_pages_follow_the_first_without_gaps_or_repeats()
    {
        var subject = NewSubject();
        var start = Now.AddHours(-5);
        // Pairs of events share an instant: the page boundary falls between two of them and must split them by id.
        await SeedAsync(Enumerable.Range(0, 121).Select(i => Event("entry.started", subject, start.AddMinutes(i / 2), details: $"n{i}")).ToArray());
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var seen = new List<string>();
        var url = $"/secretariat/audit?subject={subject}";
        var pages = 0;
        while (url is not null)
        {
            var page = await secretariat.GetAsync(url);
            seen.AddRange(Rows(page, 4));
            url = page.Document.QuerySelector("nav.pagination a:last-child")?.GetAttribute("href") is { } next && next.Contains("before=") ? next : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 121).Reverse().Select(i => $"n{i}"), seen);
    }

    [Fact]
    public async Task A_filter_that_cannot_be_read_is_a_bad_request_with_what_to_change_and_hostile_text_stays_text()
    {
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var tooLong = await secretariat.GetAsync($"/secretariat/audit?text={new string('x', 201)}");
        var badDate = await secretariat.GetAsync("/secretariat/audit?from=31/03/2026");
        var reversed = await secretariat.GetAsync("/secretariat/audit?from=2026-04-02&to=2026-04-01");
        var hostile = await secretariat.GetAsync($"/secretariat/audit?text={Uri.EscapeDataString("<script>alert(1)</script>")}&subject={Uri.EscapeDataString("\r\nentry:1")}");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("Text in the details: at most 200 characters.", tooLong.Text);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.Contains("From (day): enter a date as year-month-day", badDate.Text);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.Status);
        Assert.Contains("The first day is after the last day", reversed.Text);
        Assert.Equal(HttpStatusCode.OK, hostile.Status);
        Assert.DoesNotContain("<script>alert(1)</script>", hostile.Html);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_rows_only_neutralises_formulas_and_is_itself_recorded()
    {
        var subject = NewSubject();
        var email = $"exporter-{Guid.NewGuid():N}@example.org";
        var secretary = await app.CreateUserAsync(email, Roles.Secretariat);
        await SeedAsync(Event("score.saved", subject, Now.AddMinutes(-2), secretary.Id, "=HYPERLINK(\"http://evil\")"),
            Event("score.submitted", subject, Now.AddMinutes(-1), null, "round:1, juror:2"),
            Event("entry.screened", subject, Now, null, "not exported"));
        using var secretariat = app.NewClient();
        await secretariat.SignInAsync(email);

        var response = await secretariat.Http.GetAsync($"/secretariat/audit.csv?action=score&subject={subject}&actor=&text=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(["At (UTC)", "Actor id", "Actor", "Action", "Description", "Subject", "Details"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["score.saved", "score.submitted"], rows.Skip(1).Select(r => r[3]));
        Assert.Equal((secretary.Id, email, "'=HYPERLINK(\"http://evil\")"), (rows[1][1], rows[1][2], rows[1][6]));
        Assert.Equal(("", "system", "Scores submitted", subject), (rows[2][1], rows[2][2], rows[2][4], rows[2][5]));

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "audit.exported" && a.ActorId == secretary.Id));
        Assert.Equal("audit:trail", audit.Subject);
        Assert.Equal($"action=score subject={subject}; 2 events", audit.Details);
    }

    [Fact]
    public async Task The_export_by_actor_records_the_actor_by_id_and_a_refused_export_records_nothing()
    {
        var subject = NewSubject();
        var email = $"someone-{Guid.NewGuid():N}@example.org";
        var someone = await app.CreateUserAsync(email, Roles.Juror);
        await SeedAsync(Event("juror.profile", subject, Now, someone.Id));
        var secretaryEmail = $"exporter-{Guid.NewGuid():N}@example.org";
        var secretary = await app.CreateUserAsync(secretaryEmail, Roles.Secretariat);
        using var secretariat = app.NewClient();
        await secretariat.SignInAsync(secretaryEmail);

        var byActor = await secretariat.Http.GetAsync($"/secretariat/audit.csv?actor={email}");
        var refused = await secretariat.GetAsync("/secretariat/audit.csv?from=yesterday");

        Assert.Equal(HttpStatusCode.OK, byActor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("enter a date as year-month-day", refused.Text);
        var exports = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "audit.exported" && a.ActorId == secretary.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal([$"actor=user:{someone.Id}; 1 events"], exports);
        Assert.DoesNotContain(email, exports[0]);
    }

    [Fact]
    public async Task The_trail_is_linked_from_the_navigation_and_a_call_and_reads_in_French()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var callPage = await secretariat.GetAsync($"/secretariat/calls/{call.Code}");
        await secretariat.SwitchLanguageAsync("fr");
        var french = await secretariat.GetAsync($"/secretariat/audit?subject=call:{call.Code}");

        Assert.NotNull(callPage.Document.QuerySelector("nav a[href='/secretariat/audit']"));
        Assert.NotNull(callPage.Document.QuerySelector($"main a[href='/secretariat/audit?subject=call%3A{call.Code}']"));
        Assert.Contains("Journal d'audit", french.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Effectué par", french.Text);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Juror)]
    public async Task Only_the_Secretariat_reads_or_exports_the_trail(string role)
    {
        using var client = role == "anonymous" ? app.NewClient() : await app.SignedInAsync(role);

        foreach (var url in new[] { "/secretariat/audit", "/secretariat/audit.csv" })
        {
            var page = await client.GetAsync(url);
            if (role == "anonymous") Assert.Contains("/account/login", page.Location);
            else Assert.True(page.Status == HttpStatusCode.Forbidden || page.Location?.Contains("/account/access-denied") == true, $"{url}: {(int)page.Status}");
        }
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "audit.exported" && a.ActorId == null)));
    }
}
