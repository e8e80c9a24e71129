using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Rounds;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>Who a crawled endpoint is posted as: the person the endpoint is for, so that refusals are about the input.</summary>
public enum Audience { Anonymous, Applicant, Juror, Secretariat }

/// <summary>
/// Everyone and everything the POST endpoints act on: an applicant with a draft (with a file) in an open call; a
/// closed call with eligible entries (one with a file), an open round, a ready juror and a conflict; the Secretariat.
/// </summary>
public sealed class CrawlScenario
{
    public required Call Open { get; init; }
    public required Call Judged { get; init; }
    public required AppUser Applicant { get; init; }
    public required Entry Draft { get; init; }
    public required Guid DraftFile { get; init; }
    public required Entry Eligible { get; init; }
    public required Guid EligibleFile { get; init; }
    public required Round Round { get; init; }
    public required TestJurors.TestJuror Juror { get; init; }
    public required int ConflictId { get; init; }
    public required int AssignmentId { get; init; }
    public required Guid OutboxId { get; init; }
    public required IReadOnlyDictionary<Audience, TestClient> Clients { get; init; }

    public static async Task<CrawlScenario> CreateAsync(PrizeAppFactory app)
    {
        var open = await app.CreateOpenCallAsync();
        var email = $"crawled-{Guid.NewGuid():N}@example.org";
        var applicant = await app.CreateUserAsync(email, Roles.Applicant);
        var draft = await app.CreateEntryAsync(applicant.Id, open.Id);
        var applicantClient = app.NewClient();
        await applicantClient.SignInAsync(email);
        await applicantClient.UploadAsync($"/entries/{draft.Id}/attachments", "report.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")]);

        var jury = new JuryScenario(app);
        var judged = await EntryBuilder.CreateCallAsync(app);
        var eligible = await new EntryBuilder(app).In(judged).WithStatus(EntryStatus.Eligible).WithAttachment("evidence.pdf").SaveAsync();
        await jury.EntryAsync(judged);
        var round = await app.OpenRoundForEveryoneAsync(judged);
        var (juror, jurorClient) = await jury.JurorAsync(judged);
        var (_, conflicted) = await jury.ConflictedJurorAsync(judged, eligible);
        conflicted.Dispose();
        var secretariat = await app.SignedInAsync(Roles.Secretariat);
        // The Secretariat's round page computes the assignments of an "everyone reads everything" round.
        await secretariat.GetAsync($"/secretariat/rounds/{round.Id}");

        return await app.WithDbAsync(async db => new CrawlScenario
        {
            Open = open, Judged = judged, Applicant = applicant, Draft = draft, Eligible = eligible, Round = round, Juror = juror,
            DraftFile = await db.Attachments.Where(a => a.EntryId == draft.Id).Select(a => a.Id).SingleAsync(),
            EligibleFile = await db.Attachments.Where(a => a.EntryId == eligible.Id).Select(a => a.Id).SingleAsync(),
            ConflictId = await db.Conflicts.Where(c => c.EntryId == eligible.Id).Select(c => c.Id).FirstAsync(),
            AssignmentId = await db.Assignments.Where(a => a.RoundId == round.Id).Select(a => a.Id).FirstOrDefaultAsync(),
            OutboxId = await db.OutboxMessages.Select(m => m.Id).FirstOrDefaultAsync(),
            Clients = new Dictionary<Audience, TestClient>
            {
                [Audience.Anonymous] = app.NewClient(),
                [Audience.Applicant] = applicantClient,
                [Audience.Juror] = jurorClient,
                [Audience.Secretariat] = secretariat,
            },
        });
    }

    /// <summary>
    /// A value for a route parameter that reaches the endpoint's own checks: the scenario's ids, chosen by the
    /// parameter's name and where the route lives. Null when the crawler does not know the parameter.
    /// </summary>
    public string? RouteValue(string route, string name, string constraint)
    {
        var secretariat = route.StartsWith("secretariat/", StringComparison.Ordinal);
        return name switch
        {
            "code" => route.StartsWith("calls/", StringComparison.Ordinal) ? Open.Code : Judged.Code,
            "id" when constraint.Contains("guid") => route.StartsWith("secretariat/outbox", StringComparison.Ordinal) ? OutboxId.ToString() : DraftFile.ToString(),
            "id" or "entryId" => secretariat ? Eligible.Id.ToString() : Draft.Id.ToString(),
            "attachmentId" => EligibleFile.ToString(),
            "memberId" => Juror.Member.Id.ToString(),
            "conflictId" => ConflictId.ToString(),
            "roundId" => Round.Id.ToString(),
            "assignmentId" => AssignmentId.ToString(),
            "userId" => Applicant.Id,
            "reference" => Eligible.Reference!,
            "token" => "no-such-invitation",
            "bulkId" => Guid.NewGuid().ToString(),
            "decision" => "retry",
            "number" => "1",
            "language" => "en",
            "kind" => "account.confirm",
            _ => null,
        };
    }
}
