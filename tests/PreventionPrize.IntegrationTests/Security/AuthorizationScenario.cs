using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.IntegrationTests.Jury;
using PreventionPrize.IntegrationTests.Rounds;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>The seven visitors of the authorization matrix, in the order of its columns.</summary>
public enum Visitor { Anonymous, Owner, OtherApplicant, AssignedJuror, ConflictedJuror, UnassignedJuror, Secretariat }

/// <summary>
/// One world with real ids for the authorization matrix. A call in judging: the owner's eligible entry (with a document
/// the Secretariat released to the jury), another applicant's entries, an Optimised round computed and published
/// through the Secretariat's pages in which the assigned juror reads the owner's entry, a juror the app's own
/// detection finds in hard conflict with it, and a juror of the same jury who reads only French and so is never given
/// it. Beside it: an open call (to apply to) and a decided call whose results are out, where the owner's entry won
/// (certificate, replication kit, gallery). Each visitor gets a world of its own, so nothing one visitor's POSTs
/// change can alter what another is shown.
/// </summary>
public sealed class AuthorizationScenario
{
    private readonly PrizeAppFactory _app;

    private AuthorizationScenario(PrizeAppFactory app) => _app = app;

    public Call Call { get; private set; } = null!;
    public Call OpenCall { get; private set; } = null!;
    public Call DecidedCall { get; private set; } = null!;
    public AppUser Owner { get; private set; } = null!;
    public AppUser OtherApplicant { get; private set; } = null!;
    public Entry Entry { get; private set; } = null!;
    public Guid AttachmentId { get; private set; }
    public Entry WinningEntry { get; private set; } = null!;
    public TestJurors.TestJuror Assigned { get; private set; } = null!;
    public TestJurors.TestJuror Conflicted { get; private set; } = null!;
    public TestJurors.TestJuror Unassigned { get; private set; } = null!;
    public int RoundId { get; private set; }
    public int AssignmentId { get; private set; }
    public int ConflictId { get; private set; }
    public int InvitedMemberId { get; private set; }
    public Guid BulkId { get; private set; }
    public Guid MailId { get; private set; }

    /// <summary>Builds the world; <paramref name="secretariat"/> is a signed-in Secretariat client used for the steps done through pages.</summary>
    public static async Task<AuthorizationScenario> BuildAsync(PrizeAppFactory app, TestClient secretariat)
    {
        var s = new AuthorizationScenario(app);
        var rounds = new RoundScenario(app);
        s.Owner = await app.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        s.OtherApplicant = await app.CreateUserAsync($"other-{Guid.NewGuid():N}@example.org", Roles.Applicant);

        s.Call = await rounds.CallAsync();
        s.Entry = await new EntryBuilder(app).In(s.Call).OwnedBy(s.Owner).WithStatus(EntryStatus.Eligible).WithAttachment("Plan.pdf")
            .With(e => { e.OrganisationName = $"Owner organisation {Guid.NewGuid():N}"; }).SaveAsync();
        await new EntryBuilder(app).In(s.Call).OwnedBy(s.OtherApplicant).WithStatus(EntryStatus.Eligible)
            .With(e => e.OrganisationName = $"Other organisation {Guid.NewGuid():N}").SaveAsync();
        await new EntryBuilder(app).In(s.Call).OwnedBy(s.OtherApplicant).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Language = "fr"; e.OrganisationName = $"Autre organisation {Guid.NewGuid():N}"; }).SaveAsync();
        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.EntryId == s.Entry.Id));
        s.AttachmentId = attachment.Id;
        Directory.CreateDirectory(app.FilesFolder);
        await File.WriteAllBytesAsync(Path.Combine(app.FilesFolder, attachment.StorageKey), SampleFiles.Pdf());
        await Expect(secretariat.PostAsync($"/secretariat/entries/{s.Entry.Id}/attachments/{s.AttachmentId}/release", [new("release", "true")]), "releasing the document");

        s.Assigned = await rounds.JurorAsync(s.Call, "Assigned Juror");
        s.Conflicted = await rounds.JurorAsync(s.Call, "Conflicted Juror", worksFor: s.Entry);
        s.Unassigned = await rounds.JurorAsync(s.Call, "Unassigned Juror", reads: ["fr"]);
        await rounds.DetectAsync(s.Call, (s.Conflicted, s.Entry));
        s.RoundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, s.Call, k: 1, maxLoad: 3);
        await RoundScenario.ActAsync(secretariat, s.RoundId, "compute");
        await RoundScenario.ActAsync(secretariat, s.RoundId, "publish");
        var pairs = await rounds.PairsAsync(s.RoundId);
        s.AssignmentId = pairs.SingleOrDefault(p => p.EntryId == s.Entry.Id && p.JuryMemberId == s.Assigned.Member.Id)?.Id
            ?? throw new InvalidOperationException("The owner's entry was not given to the assigned juror");
        if (pairs.Any(p => p.EntryId == s.Entry.Id && p.JuryMemberId != s.Assigned.Member.Id))
            throw new InvalidOperationException("The owner's entry was given to another juror too");
        s.ConflictId = await app.WithDbAsync(db => db.Conflicts.Where(c => c.JuryMemberId == s.Conflicted.Member.Id && c.EntryId == s.Entry.Id).Select(c => c.Id).SingleAsync());
        s.InvitedMemberId = (await s.InviteAsync()).MemberId;

        s.OpenCall = await app.CreateOpenCallAsync();
        s.DecidedCall = await EntryBuilder.CreateCallAsync(app, c => c.ResultsReleaseAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        s.WinningEntry = await new EntryBuilder(app).In(s.DecidedCall).OwnedBy(s.Owner).WithStatus(EntryStatus.Eligible)
            .With(e => e.ConsentToPublication = true).SaveAsync();
        await app.WithDbAsync(db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Decisions.Add(new Decision { CallId = s.DecidedCall.Id, EntryId = s.WinningEntry.Id, Outcome = Outcome.FirstPrize, Rationale = "Young people lead it.", DecidedAtUtc = now, Version = 1 });
            db.ReplicationKits.Add(new ReplicationKit { EntryId = s.WinningEntry.Id, Status = KitStatus.Submitted, UpdatedAtUtc = now, SubmittedAtUtc = now });
            return db.SaveChangesAsync();
        });

        s.BulkId = Guid.NewGuid();
        await Expect(secretariat.SubmitAsync("/secretariat/outbox/bulk/new", [new("BulkId", s.BulkId.ToString()), new("Group", $"role:{Roles.Secretariat}"),
            new("SubjectEn", "Jury meeting"), new("BodyEn", "The jury meets on Friday.")]), "composing a bulk message");
        s.MailId = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BulkId == s.BulkId).Select(m => m.Id).FirstAsync());
        return s;
    }

    private static async Task Expect(Task<Page> step, string what)
    {
        var page = await step;
        if (page.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"{what} answered {(int)page.Status}: {string.Join(" | ", page.Errors)}");
    }

    /// <summary>A pending invitation to the call's jury, written as the invite page writes it; its token is the bearer credential.</summary>
    public Task<(int MemberId, string Token)> InviteAsync() => _app.WithDbAsync(async db =>
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var (token, hash) = InvitationTokens.New();
        var member = new JuryMember
        {
            CallId = Call.Id, Name = "Invited Juror", Email = $"invited-{Guid.NewGuid():N}@jury.example.net", TokenHash = hash,
            InvitedAtUtc = now, ExpiresAtUtc = now.Add(InvitationTokens.Lifetime),
        };
        db.JuryMembers.Add(member);
        await db.SaveChangesAsync();
        return (member.Id, token);
    });

    /// <summary>A client for the visitor, signed in through the login form; the assigned juror has answered the first-sight question.</summary>
    public async Task<TestClient> VisitorAsync(Visitor visitor)
    {
        var email = visitor switch
        {
            Visitor.Anonymous => null,
            Visitor.Owner => Owner.Email,
            Visitor.OtherApplicant => OtherApplicant.Email,
            Visitor.AssignedJuror => Assigned.Email,
            Visitor.ConflictedJuror => Conflicted.Email,
            Visitor.UnassignedJuror => Unassigned.Email,
            Visitor.Secretariat => (await _app.CreateUserAsync($"secretariat-{Guid.NewGuid():N}@example.org", Roles.Secretariat)).Email,
            _ => throw new ArgumentOutOfRangeException(nameof(visitor)),
        };
        var client = _app.NewClient();
        if (email is null) return client;
        await client.SignInAsync(email);
        if (visitor == Visitor.AssignedJuror) await AnswerFirstSightAsync(client);
        return client;
    }

    private async Task AnswerFirstSightAsync(TestClient juror)
    {
        var confirmed = await juror.PostAsync($"{JuryScenario.EntryUrl(Call, Entry)}/confirm");
        if (confirmed.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"The first-sight answer got {(int)confirmed.Status}");
    }

    /// <summary>
    /// The URL of <paramref name="template"/> with every parameter taken from this world, or an error naming the
    /// parameter this method does not know how to fill (add a case below).
    /// </summary>
    public async Task<string> UrlAsync(string template)
    {
        var values = new Dictionary<string, string>();
        foreach (Match m in Parameter.Matches(template))
        {
            var name = m.Groups["name"].Value;
            values[name] = await ValueAsync(template, name, m.Groups["constraint"].Value)
                ?? throw new InvalidOperationException($"The matrix cannot fill {{{name}}} in {template}: teach AuthorizationScenario.ValueAsync that parameter");
        }
        var url = Parameter.Replace(template, m => Uri.EscapeDataString(values[m.Groups["name"].Value]));
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    private static readonly Regex Parameter = new(@"\{(?<name>\w+)(?<constraint>:[^}?]+)?\??\}");

    private async Task<string?> ValueAsync(string template, string name, string constraint)
    {
        // Results, certificates, kits and the gallery are about the owner's entry that won in the decided call.
        var decided = template.Contains("/decisions") || template.StartsWith("/certificates/") || template.Contains("/kit") || template.StartsWith("/winners/");
        return name switch
        {
            "code" when template.StartsWith("/calls/") => OpenCall.Code,
            "code" => decided ? DecidedCall.Code : Call.Code,
            "id" when template.StartsWith("/secretariat/outbox/") => MailId.ToString(),
            "id" when constraint == ":guid" => AttachmentId.ToString(),
            "id" or "entryId" => (decided ? WinningEntry : Entry).Id.ToString(),
            "reference" => (decided ? WinningEntry : Entry).Reference,
            "attachmentId" => AttachmentId.ToString(),
            "number" => "1",
            "language" => "en",
            "token" => (await InviteAsync()).Token,
            "memberId" => InvitedMemberId.ToString(),
            "conflictId" => ConflictId.ToString(),
            "roundId" => RoundId.ToString(),
            "assignmentId" => AssignmentId.ToString(),
            "decision" => "retry",
            "bulkId" => BulkId.ToString(),
            "kind" => "account.confirm",
            "userId" => OtherApplicant.Id,
            "status" => "404",
            _ => null,
        };
    }
}
