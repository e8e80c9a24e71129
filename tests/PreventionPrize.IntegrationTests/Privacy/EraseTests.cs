using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.IntegrationTests.Privacy;

public sealed class EraseTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private async Task<List<string>> RankingAsync(TestClient secretariat, int roundId) =>
        (await secretariat.GetAsync($"/secretariat/rounds/{roundId}/results")).Document.QuerySelectorAll("#ranking-table tbody tr")
            .Select(row => System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " ").Trim()).ToList();

    private Task<List<(int EntryId, int JurorId, int Sum, string Comment)>> ScoresAsync() =>
        app.WithDbAsync(async db => (await db.Scores.AsNoTracking().Where(s => s.Status == ScoreStatus.Submitted).ToListAsync())
            .Select(s => (s.EntryId, s.JuryMemberId, s.Values.Sum(v => v.Value ?? 0), s.Comment)).OrderBy(s => s.EntryId).ThenBy(s => s.JuryMemberId).ToList());

    [Fact]
    public async Task Deleting_the_account_leaves_none_of_the_persons_data_anywhere_in_the_database_and_no_result_moves()
    {
        var given = await PrivacyScenario.CreateAsync(app);
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var applyRanking = await RankingAsync(secretariat, given.ApplyRound.Id);
        var juryRanking = await RankingAsync(secretariat, given.JuryRound.Id);
        Assert.NotEmpty(applyRanking);
        var scores = await ScoresAsync();
        var auditCount = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.NotEmpty(await DatabaseScan.FindAsync(app, given.Alice)); // the scan does find what is there
        Assert.All(given.AliceFiles, key => Assert.True(File.Exists(given.FilePath(app, key))));

        using var alice = app.NewClient();
        await alice.SignInAsync(given.AliceUser.Email!);
        var wrong = await alice.SubmitAsync("/account/delete", [new("Password", "not my password at all")]);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("The password is not correct", wrong.Text);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == given.AliceUser.Id).Select(u => u.ErasedAtUtc).SingleAsync()));

        var deleted = await alice.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Contains("Your account has been deleted", (await alice.GetAsync("/")).Text);
        Assert.Equal(HttpStatusCode.Redirect, (await alice.GetAsync("/account/data")).Status); // signed out

        Assert.Empty(await DatabaseScan.FindAsync(app, given.Alice));
        Assert.All(given.AliceFiles, key => Assert.False(File.Exists(given.FilePath(app, key))));

        // Results, scores and comments are untouched; the trail only grew, and says what happened by ids.
        Assert.Equal(applyRanking, await RankingAsync(secretariat, given.ApplyRound.Id));
        Assert.Equal(juryRanking, await RankingAsync(secretariat, given.JuryRound.Id));
        Assert.Equal(scores, await ScoresAsync());
        Assert.Contains(given.Comment, (await ScoresAsync()).Select(s => s.Comment));
        var trail = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());
        Assert.True(trail.Count > auditCount);
        Assert.Contains(trail, a => a.Action == "entry.anonymised" && a.Subject == $"entry:{given.AliceEntry.Id}");
        Assert.Contains(trail, a => a.Action == "entry.deleted" && a.Subject == $"entry:{given.AliceDraft.Id}");
        Assert.Contains(trail, a => a.Action == "account.erased" && a.Subject == $"user:{given.AliceUser.Id}");

        var state = await app.WithDbAsync(async db => new
        {
            User = await db.Users.AsNoTracking().SingleAsync(u => u.Id == given.AliceUser.Id),
            Roles = await db.UserRoles.CountAsync(r => r.UserId == given.AliceUser.Id),
            Entry = await db.Entries.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.Id == given.AliceEntry.Id),
            DraftGone = !await db.Entries.AnyAsync(e => e.Id == given.AliceDraft.Id),
            Mail = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("jury.")).ToListAsync(),
        });
        Assert.Equal($"erased-{given.AliceUser.Id}@invalid", state.User.Email);
        Assert.Null(state.User.PasswordHash);
        Assert.NotNull(state.User.ErasedAtUtc);
        Assert.Equal(DateTimeOffset.MaxValue, state.User.LockoutEnd);
        Assert.Equal(0, state.Roles);
        Assert.True(state.DraftGone);
        Assert.NotNull(state.Entry.AnonymisedAtUtc);
        Assert.Equal(EntryStatus.Eligible, state.Entry.Status); // screened: it stays in the results
        Assert.Contains(given.KeptTitle, state.Entry.Title);
        Assert.Equal("file-1.pdf", Assert.Single(state.Entry.Attachments).OriginalName);
        Assert.Contains(state.Mail, m => m.State == OutboxState.Cancelled && m.TextBody == "");
        Assert.Contains(state.Mail, m => m.TextBody.Contains(given.Others)); // Carol's mail is Carol's

        using var again = app.NewClient();
        var login = await again.SubmitAsync("/account/login", [new("Email", given.AliceUser.Email!), new("Password", TestClient.DefaultPassword)]);
        Assert.NotEqual(HttpStatusCode.Redirect, login.Status);
    }

    [Fact]
    public async Task A_pending_submission_is_withdrawn_when_its_owner_deletes_the_account()
    {
        var owner = await app.CreateUserAsync($"pending-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var entry = await new EntryBuilder(app).OwnedBy(owner).SaveAsync();
        using var client = app.NewClient();
        await client.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)])).Status);
        var after = await app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(EntryStatus.Withdrawn, after.Status);
        Assert.Equal("", after.ContactName);
        Assert.NotNull(after.AnonymisedAtUtc);
    }

    [Fact]
    public async Task A_winner_who_deletes_the_account_no_longer_shows_in_the_cached_gallery_page()
    {
        var owner = await app.CreateUserAsync($"winner-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var marker = $"winnerstory{Guid.NewGuid():N}";
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var call = await EntryBuilder.CreateCallAsync(app, c => c.ResultsReleaseAtUtc = now.AddMinutes(-1));
        var entry = await new EntryBuilder(app).In(call).OwnedBy(owner).WithStatus(EntryStatus.Eligible).With(e => e.Summary = $"Told by {marker}.").SaveAsync();
        await app.WithDbAsync(db =>
        {
            db.Decisions.Add(new Core.Decisions.Decision { CallId = call.Id, EntryId = entry.Id, Outcome = Core.Decisions.Outcome.FirstPrize, DecidedAtUtc = now });
            return db.SaveChangesAsync();
        });
        using var visitor = app.NewClient();
        Assert.Contains(marker, (await visitor.GetAsync($"/winners/{entry.Reference}")).Html);

        using var client = app.NewClient();
        await client.SignInAsync(owner.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)])).Status);
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/winners/{entry.Reference}")).Html);
    }
}

/// <summary>Its own app, so that it has exactly one Secretariat account.</summary>
public sealed class LastSecretariatTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task The_last_Secretariat_account_cannot_delete_itself_until_another_exists()
    {
        var email = $"only-{Guid.NewGuid():N}@example.org";
        using var only = await app.SignedInAsync(Roles.Secretariat, email);
        var refused = await only.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("You are the last Secretariat account", refused.Text);
        Assert.Equal(email, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Email).SingleAsync()));

        await app.CreateUserAsync($"second-{Guid.NewGuid():N}@example.org", Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Redirect, (await only.SubmitAsync("/account/delete", [new("Password", TestClient.DefaultPassword)])).Status);
    }
}
