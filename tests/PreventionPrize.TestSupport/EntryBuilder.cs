using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.TestSupport;

/// <summary>
/// Puts calls and entries straight into the test database, complete and valid by default, as the applicant journey
/// leaves them: a submitted entry has its number, reference, submission time, first version and identifier warnings
/// (computed by the real <see cref="IdentifierCheck"/> from whatever the test wrote). Change anything with <see cref="With"/>.
/// </summary>
public sealed class EntryBuilder(PrizeAppFactory app)
{
    private Call? _call;
    private AppUser? _owner;
    private EntryStatus _status = EntryStatus.Submitted;
    private bool _late;
    private readonly List<Action<Entry>> _changes = [];
    private readonly List<Attachment> _attachments = [];

    public EntryBuilder In(Call call) { _call = call; return this; }

    public EntryBuilder OwnedBy(AppUser owner) { _owner = owner; return this; }

    public EntryBuilder WithStatus(EntryStatus status) { _status = status; return this; }

    public EntryBuilder Late() { _late = true; return this; }

    public EntryBuilder With(Action<Entry> change) { _changes.Add(change); return this; }

    public EntryBuilder WithAttachment(string originalName, string? metadataWarning = null)
    {
        _attachments.Add(new Attachment
        {
            Id = Guid.NewGuid(), Purpose = AttachmentPurpose.Supporting, OriginalName = originalName, ContentType = "application/pdf",
            Size = 48_213, Sha256 = new string('a', 64), StorageKey = Guid.NewGuid().ToString("N"), MetadataWarning = metadataWarning,
            UploadedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        });
        return this;
    }

    public async Task<Entry> SaveAsync()
    {
        var call = _call ??= await CreateCallAsync(app);
        var owner = _owner ??= await app.CreateUserAsync($"applicant-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return await app.WithDbAsync(async db =>
        {
            var entry = Complete(call.Id, owner, now);
            foreach (var change in _changes) change(entry);
            entry.Status = _status;
            if (_status != EntryStatus.Draft)
            {
                entry.Number = (await db.Entries.Where(e => e.CallId == call.Id).MaxAsync(e => e.Number) ?? 0) + 1;
                entry.Reference = $"{call.Code}-{entry.Number:0000}";
                entry.SubmittedAtUtc = now;
                entry.Late = _late;
                entry.Versions.Add(new EntryVersion
                {
                    Number = 1, SubmissionKey = Guid.NewGuid(), SubmittedAtUtc = now, Late = _late, Snapshot = EntrySnapshot.Of(entry).ToJson(),
                });
            }
            if (_status == EntryStatus.Withdrawn) entry.WithdrawnAtUtc = now;
            entry.Attachments.AddRange(_attachments);
            entry.IdentifierWarnings = IdentifierCheck.Find(entry);
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry;
        });
    }

    /// <summary>A call that closed yesterday (screening comes after the deadline), open to the 46 member states in EN and FR.</summary>
    public static async Task<Call> CreateCallAsync(PrizeAppFactory app, Action<Call>? change = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var code = "S-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var call = new Call
        {
            Code = code, TitleEn = $"Digital Prevention Prize {code}", TitleFr = $"Prix de la prévention numérique {code}",
            OpensAtUtc = now.AddDays(-60), ClosesAtUtc = now.AddDays(-1), GraceMinutes = 15,
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All],
            Status = CallStatus.Closed, CreatedAtUtc = now.AddDays(-90), UpdatedAtUtc = now.AddDays(-1),
        };
        change?.Invoke(call);
        return await app.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });
    }

    private static Entry Complete(int callId, AppUser owner, DateTime now) => new()
    {
        CallId = callId,
        OwnerId = owner.Id,
        Language = "en",
        Eligibility = new EligibilityAnswers { FormalStructure = true, YouthActivelyInvolved = true, ProjectState = ProjectState.Running, Country = "FR" },
        OrganisationName = "Connected Youth Association",
        OrganisationType = "NGO",
        Website = "https://connected-youth.example.org",
        SocialLinks = "https://social.example/connectedyouth",
        ContactName = "Camille Martin",
        ContactEmail = owner.Email!,
        TeamMembers = [new() { Name = "Camille Martin", Email = owner.Email!, Role = "Coordinator" }, new() { Name = "Yusuf Demir", Email = "yusuf@example.org", Role = "Youth lead" }],
        Title = "Peer mentors for screen time",
        Summary = "Teenagers train as peer mentors and run workshops on gaming and social media habits in schools.",
        Description = "Mentors aged 16 to 20 design the workshops themselves and meet younger pupils every month.",
        YouthInvolvement = "Young people choose the topics, lead the sessions and evaluate them.",
        ParticipantsUnder25 = 40,
        ParticipantsUnder18 = 25,
        Adults = 5,
        DigitalBehaviours = ["gaming", "social-media"],
        TargetGroups = ["adolescents", "parents"],
        ImplementationCountries = ["FR", "BE"],
        StartDate = new DateOnly(2024, 9, 1),
        Ongoing = true,
        Evaluation = "Pre and post questionnaires with 300 pupils.",
        HumanRights = "Workshops are free and open to every pupil.",
        Replication = "Two trainers, a room and the open workshop kit.",
        ConsentToPublication = true,
        DeclarationTrue = true,
        CreatedAtUtc = now.AddDays(-10),
        UpdatedAtUtc = now,
    };
}
