using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.TestSupport;

/// <summary>Jurors written straight to the database, for tests of what a juror may reach once on the jury.</summary>
public static class TestJurors
{
    public sealed record TestJuror(JuryMember Member, AppUser User, string Email);

    /// <summary>
    /// An account with the Juror role that accepted an invitation to <paramref name="call"/>, completed a profile and
    /// signed the declaration: ready to read entries. <paramref name="profile"/> adjusts the profile before saving.
    /// Detection is not run: call <see cref="DetectConflictsAsync"/> once entries and jurors exist.
    /// </summary>
    public static async Task<TestJuror> CreateReadyJurorAsync(this PrizeAppFactory app, Call call, string name = "Juror",
        Action<JuryMember>? configure = null, string? email = null)
    {
        email ??= $"juror-{Guid.NewGuid():N}@jury.example.net";
        var user = await app.CreateUserAsync(email, Roles.Juror);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var member = await app.WithDbAsync(async db =>
        {
            var member = new JuryMember
            {
                CallId = call.Id, Name = name, Email = email, Language = "en", Status = InvitationStatus.Accepted,
                InvitedAtUtc = now, ExpiresAtUtc = now.AddDays(14), RespondedAtUtc = now, UserId = user.Id,
                Profile = new JurorProfile { ReadsLanguages = ["en", "fr"] }, ProfileUpdatedAtUtc = now,
            };
            member.Declarations.Add(new JurorDeclaration { SignedAtUtc = now, SignedName = name, AcceptsConfidentiality = true });
            configure?.Invoke(member);
            db.JuryMembers.Add(member);
            await db.SaveChangesAsync();
            return member;
        });
        return new TestJuror(member, user, email);
    }

    /// <summary>Runs the app's own conflict detection over the call and commits what it finds.</summary>
    public static async Task<int> DetectConflictsAsync(this PrizeAppFactory app, int callId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.PrizeDbContext>();
        var found = await scope.ServiceProvider.GetRequiredService<ConflictDetection>().RunAsync(callId, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await db.SaveChangesAsync();
        return found;
    }

    /// <summary>
    /// Opens judging for the call the way a small jury works: a first round in which every juror reads every
    /// eligible entry (minus conflicts), published, so ready jurors see entries from now on.
    /// </summary>
    public static Task<Round> OpenRoundForEveryoneAsync(this PrizeAppFactory app, Call call) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var round = new Round
            {
                CallId = call.Id, Number = 1 + db.Rounds.Count(r => r.CallId == call.Id), NameEn = "First round", NameFr = "Premier tour",
                Status = RoundStatus.Open, Mode = AssignmentMode.EveryJurorEveryEntry, ScoringDeadlineUtc = now.AddDays(30),
                AssignmentsPublishedAtUtc = now, Publications = 1, CreatedAtUtc = now, Criteria = Core.Scoring.DefaultCriteria.Create(),
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            return round;
        });
}
