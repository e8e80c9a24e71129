using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.IntegrationTests.Privacy;

/// <summary>The app with its background passes off: tests run the retention sweep themselves, when they choose.</summary>
public sealed class PrivacyApp : PrizeAppFactory
{
    public PrivacyApp()
    {
        Settings["Privacy:RetentionJob"] = "false";
        Settings["Results:ReleaseJob"] = "false";
        Settings["Reminders:Enabled"] = "false";
    }
}

/// <summary>
/// Alice applies to one call (a submitted entry with a file, and a draft with a file) and sits on the jury of another,
/// where she scores Bob's entry beside Carol. Everything personal of Alice's carries <see cref="Alice"/>, everything of
/// the others <see cref="Others"/>; her entry's title carries <see cref="KeptTitle"/> (titles are kept, 013-retention)
/// and her juror comment <see cref="Comment"/> (comments stay with the juror's id, so results do not move).
/// </summary>
public sealed class PrivacyScenario
{
    public required string Alice { get; init; }
    public required string Others { get; init; }
    public required string KeptTitle { get; init; }
    public required string Comment { get; init; }
    public required AppUser AliceUser { get; init; }
    public required Call ApplyCall { get; init; }
    public required Call JuryCall { get; init; }
    public required Round ApplyRound { get; init; }
    public required Round JuryRound { get; init; }
    public required Entry AliceEntry { get; init; }
    public required Entry AliceDraft { get; init; }
    public required Entry BobEntry { get; init; }
    public required JuryMember AliceJuror { get; init; }
    public required List<string> AliceFiles { get; init; }

    public static async Task<PrivacyScenario> CreateAsync(PrizeAppFactory app)
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var alice = $"alice{token}";
        var others = $"bob{token}";
        var keptTitle = $"keeptitle{token}";
        var comment = $"jurycomment{token}";
        var aliceUser = await app.CreateUserAsync($"{alice}@example.org", Roles.Applicant);

        var applyCall = await EntryBuilder.CreateCallAsync(app);
        var applyRound = await app.OpenRoundForEveryoneAsync(applyCall);
        var files = new List<string>();
        var aliceEntry = await new EntryBuilder(app).In(applyCall).OwnedBy(aliceUser).WithStatus(EntryStatus.Eligible).With(e =>
        {
            e.Title = $"Peer mentors {keptTitle}";
            e.ContactName = $"Contact {alice}";
            e.ContactEmail = $"contact.{alice}@example.org";
            e.TeamMembers = [new() { Name = $"Member {alice}", Email = $"member.{alice}@example.org", Role = "Lead" }];
            e.Description = $"We started in {alice}'s neighbourhood.";
            e.Website = $"https://{alice}.example.org";
            e.SocialLinks = $"https://social.example/{alice}";
            e.FormalStructureEvidenceUrl = $"https://registry.example/{alice}";
        }).SaveAsync();
        files.Add(await AttachAsync(app, aliceEntry.Id, $"cv-{alice}.pdf", $"%PDF-1.4 {alice}"));
        var aliceDraft = await new EntryBuilder(app).In(applyCall).OwnedBy(aliceUser).WithStatus(EntryStatus.Draft)
            .With(e => (e.ContactName, e.Summary) = ($"Draft {alice}", $"Draft summary {alice}")).SaveAsync();
        files.Add(await AttachAsync(app, aliceDraft.Id, $"draft-{alice}.pdf", $"%PDF-1.4 draft {alice}"));
        var danEntry = await new EntryBuilder(app).In(applyCall).WithStatus(EntryStatus.Eligible).SaveAsync();
        var j1 = await app.CreateReadyJurorAsync(applyCall, "Juror One");
        var j2 = await app.CreateReadyJurorAsync(applyCall, "Juror Two");

        var juryCall = await EntryBuilder.CreateCallAsync(app);
        var juryRound = await app.OpenRoundForEveryoneAsync(juryCall);
        var bobEntry = await new EntryBuilder(app).In(juryCall).WithStatus(EntryStatus.Eligible).With(e =>
        {
            e.Title = $"Title {others}";
            e.OrganisationName = $"Organisation {others}";
            e.ContactName = $"Contact {others}";
        }).SaveAsync();
        var carol = await app.CreateReadyJurorAsync(juryCall, $"Carol {others}");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var aliceJuror = await app.WithDbAsync(async db =>
        {
            var member = new JuryMember
            {
                CallId = juryCall.Id, Name = $"Juror {alice}", Email = aliceUser.Email!, Status = InvitationStatus.Accepted, UserId = aliceUser.Id,
                InvitedAtUtc = now, ExpiresAtUtc = now.AddDays(14), RespondedAtUtc = now, ProfileUpdatedAtUtc = now,
                Profile = new JurorProfile
                {
                    Organisations = [new() { Name = $"Organisation {alice}", Tie = OrganisationTie.Volunteer }],
                    EmailDomains = [$"{alice}.example.net"], ReadsLanguages = ["en"], Countries = ["FR"],
                },
            };
            member.Declarations.Add(new JurorDeclaration
            {
                SignedAtUtc = now, SignedName = $"Signed {alice}", AcceptsConfidentiality = true,
                Relationships = [new() { Kind = RelationshipKind.Family, With = $"Cousin of {alice}", Details = $"{alice} family" }],
            });
            db.JuryMembers.Add(member);
            await db.SaveChangesAsync();
            db.Conflicts.Add(new Conflict
            {
                CallId = juryCall.Id, JuryMemberId = member.Id, EntryId = bobEntry.Id, Type = ConflictType.SameCountry, Severity = ConflictSeverity.Soft,
                Source = ConflictSource.Rule, Reason = $"{alice} FR ↔ Contact {others} FR", FoundAtUtc = now,
            });
            db.OutboxMessages.AddRange(
                Mail($"jury.invitation:{token}", aliceUser.Email!, $"Dear Juror {alice}", OutboxState.Sent, now),
                Mail($"jury.scoringreminder:{token}", aliceUser.Email!, $"Reminder for {alice}", OutboxState.Queued, now),
                Mail($"entry.receipt:{aliceEntry.Id}:v1:contact", $"contact.{alice}@example.org", $"Receipt: Contact {alice}", OutboxState.Sent, now),
                Mail($"jury.assignments:{token}", carol.Email, $"Dear Carol {others}", OutboxState.Sent, now));
            await db.SaveChangesAsync();
            return member;
        });

        await ScoreAsync(app, applyRound, [(aliceEntry.Id, j1.Member.Id, 5, "Strong"), (aliceEntry.Id, j2.Member.Id, 4, "Good"),
            (danEntry.Id, j1.Member.Id, 2, "Weak"), (danEntry.Id, j2.Member.Id, 3, "Fair")]);
        await ScoreAsync(app, juryRound, [(bobEntry.Id, aliceJuror.Id, 4, comment), (bobEntry.Id, carol.Member.Id, 2, $"Carol says {others}")]);

        return new PrivacyScenario
        {
            Alice = alice, Others = others, KeptTitle = keptTitle, Comment = comment, AliceUser = aliceUser, ApplyCall = applyCall, JuryCall = juryCall,
            ApplyRound = applyRound, JuryRound = juryRound, AliceEntry = aliceEntry, AliceDraft = aliceDraft, BobEntry = bobEntry, AliceJuror = aliceJuror,
            AliceFiles = files,
        };
    }

    private static OutboxMessage Mail(string key, string to, string body, OutboxState state, DateTime now) => new()
    {
        Id = Guid.NewGuid(), IdempotencyKey = key, Kind = key.Split(':')[0], ToAddress = to, Language = "en", Subject = "Digital Prevention Prize",
        TextBody = body, HtmlBody = $"<p>{body}</p>", MessageId = $"{Guid.NewGuid():N}@test", State = state, NextAttemptAtUtc = now.AddYears(1),
        CreatedAtUtc = now, SentAtUtc = state == OutboxState.Sent ? now : null,
    };

    /// <summary>A real file in the app's store, with its attachment row.</summary>
    private static async Task<string> AttachAsync(PrizeAppFactory app, int entryId, string name, string content)
    {
        var store = app.Services.GetRequiredService<IFileStore>();
        var key = await store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), CancellationToken.None);
        await app.WithDbAsync(async db =>
        {
            db.Attachments.Add(new Attachment
            {
                Id = Guid.NewGuid(), EntryId = entryId, Purpose = AttachmentPurpose.Supporting, OriginalName = name, ContentType = "application/pdf",
                Size = content.Length, Sha256 = new string('b', 64), StorageKey = key, UploadedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                MetadataWarning = $"Author: {name}",
            });
            return await db.SaveChangesAsync();
        });
        return key;
    }

    private static Task<int> ScoreAsync(PrizeAppFactory app, Round round, (int EntryId, int JurorId, int Value, string Comment)[] sheets) =>
        app.WithDbAsync(async db =>
        {
            var criteria = await db.Criteria.Where(c => c.RoundId == round.Id).Select(c => c.Id).ToListAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (entryId, jurorId, value, comment) in sheets)
                db.Scores.Add(new JurorScore
                {
                    RoundId = round.Id, EntryId = entryId, JuryMemberId = jurorId, Status = ScoreStatus.Submitted,
                    Values = criteria.Select(id => new CriterionValue { CriterionId = id, Value = value }).ToList(),
                    Comment = comment, UpdatedAtUtc = now, SubmittedAtUtc = now,
                });
            return await db.SaveChangesAsync();
        });

    public string FilePath(PrizeAppFactory app, string key) => Path.Combine(app.FilesFolder, key);
}
