using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Features.Privacy;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.IntegrationTests.Privacy;

public sealed class RetentionTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<(Entry Entry, string File)> EntryAsync(Call call, string marker, Outcome? outcome)
    {
        var entry = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible).With(e =>
        {
            e.ContactName = $"Contact {marker}";
            e.ContactEmail = $"{marker}@example.org";
            e.TeamMembers = [new() { Name = $"Member {marker}", Email = $"member.{marker}@example.org", Role = "Lead" }];
            e.Summary = $"Run by {marker} since 2021.";
            e.SocialLinks = $"https://social.example/{marker}";
        }).SaveAsync();
        var key = await app.Services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes($"%PDF {marker}")), CancellationToken.None);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.Attachments.Add(new Attachment
            {
                Id = Guid.NewGuid(), EntryId = entry.Id, OriginalName = $"report-{marker}.pdf", ContentType = "application/pdf", Size = 10,
                Sha256 = new string('c', 64), StorageKey = key, UploadedAtUtc = now,
            });
            // A juror's recusal, then the Secretariat's clearing of it: both reasons name the person.
            var juror = new JuryMember { CallId = call.Id, Name = "Juror", Email = $"juror.{Guid.NewGuid():N}@example.org", InvitedAtUtc = now, ExpiresAtUtc = now.AddDays(14) };
            db.JuryMembers.Add(juror);
            await db.SaveChangesAsync();
            db.Conflicts.Add(new Conflict
            {
                CallId = call.Id, JuryMemberId = juror.Id, EntryId = entry.Id, Type = ConflictType.Other, Severity = ConflictSeverity.Soft,
                Source = ConflictSource.Secretariat, Reason = $"Friend of {marker}", ClearReason = $"{marker} left the team", ClearedAtUtc = now, FoundAtUtc = now,
            });
            if (outcome is { } o) db.Decisions.Add(new Decision { CallId = call.Id, EntryId = entry.Id, Outcome = o, Rationale = "Jury rationale", DecidedAtUtc = now });
            return await db.SaveChangesAsync();
        });
        return (entry, key);
    }

    [Fact]
    public async Task Past_its_retention_a_call_loses_the_personal_data_of_unsuccessful_entries_only_and_a_second_pass_changes_nothing()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var released = await EntryBuilder.CreateCallAsync(app, c => (c.ResultsReleaseAtUtc, c.ResultsReleasedAtUtc, c.RetentionMonths) = (now, now, 24));
        var longer = await EntryBuilder.CreateCallAsync(app, c => (c.ResultsReleaseAtUtc, c.ResultsReleasedAtUtc, c.RetentionMonths) = (now, now, 48));
        var unreleased = await EntryBuilder.CreateCallAsync(app, c => c.RetentionMonths = 1);
        var winner = await EntryAsync(released, $"winner{token}", Outcome.FirstPrize);
        var mention = await EntryAsync(released, $"mention{token}", Outcome.SpecialMention);
        var notSelected = await EntryAsync(released, $"loser{token}", Outcome.NotSelected);
        var finalist = await EntryAsync(released, $"finalist{token}", Outcome.Finalist);
        var undecided = await EntryAsync(released, $"undecided{token}", null);
        var kept = await EntryAsync(longer, $"longer{token}", Outcome.NotSelected);
        var notYet = await EntryAsync(unreleased, $"unreleased{token}", null);
        var decisions = await app.WithDbAsync(db => db.Decisions.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.EntryId, d.Outcome }).ToListAsync());

        Assert.Equal(0, await SweepAsync()); // nothing is due on the day of the release

        app.Clock.Advance(TimeSpan.FromDays(800)); // past 24 months, short of 48
        var auditBefore = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.Equal(3, await SweepAsync());

        foreach (var (entry, file) in new[] { notSelected, finalist, undecided })
        {
            var after = await app.WithDbAsync(db => db.Entries.AsNoTracking().Include(e => e.Attachments).Include(e => e.Versions).SingleAsync(e => e.Id == entry.Id));
            Assert.NotNull(after.AnonymisedAtUtc);
            Assert.Equal(("", "", "", ""), (after.ContactName, after.ContactEmail, after.Summary, after.SocialLinks));
            Assert.Empty(after.TeamMembers);
            Assert.Equal(entry.Reference, after.Reference);
            Assert.Equal(entry.Title, after.Title);
            Assert.Equal(entry.ImplementationCountries, after.ImplementationCountries);
            Assert.Equal("file-1.pdf", Assert.Single(after.Attachments).OriginalName);
            Assert.DoesNotContain(token, Assert.Single(after.Versions).Snapshot);
            Assert.False(File.Exists(Path.Combine(app.FilesFolder, file)));
        }
        foreach (var marker in new[] { "loser", "finalist", "undecided" })
            Assert.Empty(await DatabaseScan.FindAsync(app, marker + token));

        foreach (var (entry, file) in new[] { winner, mention, kept, notYet })
        {
            var after = await app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
            Assert.Null(after.AnonymisedAtUtc);
            Assert.Equal(entry.ContactName, after.ContactName);
            Assert.True(File.Exists(Path.Combine(app.FilesFolder, file)));
        }

        var trail = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == "entry.anonymised").ToListAsync());
        Assert.Equal(new[] { notSelected.Entry.Id, finalist.Entry.Id, undecided.Entry.Id }.Select(id => $"entry:{id}").Order(), trail.Select(a => a.Subject).Order());
        Assert.All(trail, a => Assert.Null(a.ActorId));
        Assert.Equal(decisions, await app.WithDbAsync(db => db.Decisions.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.EntryId, d.Outcome }).ToListAsync()));

        var auditAfterFirst = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.Equal(auditBefore + 3, auditAfterFirst);
        Assert.Equal(0, await SweepAsync());
        Assert.Equal(auditAfterFirst, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task The_Secretariat_sets_the_retention_on_the_call_form_within_one_to_a_hundred_and_twenty_months()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        using var secretariat = await app.SignedInAsync(Core.Accounts.Roles.Secretariat);
        var form = await secretariat.GetAsync($"/secretariat/calls/{call.Code}");
        Assert.Equal("24", form.ValueOf("RetentionMonths"));

        var refused = await secretariat.SubmitAsync(form, [new("RetentionMonths", "121")]);
        Assert.Contains(refused.Errors, e => e.Contains("120"));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}", [new("RetentionMonths", "36")])).Status);
        Assert.Equal(36, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.RetentionMonths).SingleAsync()));

        await secretariat.SwitchLanguageAsync("fr");
        Assert.Contains("Conservation des candidatures non primées", (await secretariat.GetAsync($"/secretariat/calls/{call.Code}")).Text);
    }
}
