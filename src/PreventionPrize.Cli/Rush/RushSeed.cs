using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Cli.Rush;

/// <summary>
/// What the rush starts from, written straight to the database so that it stays out of the measured window: an
/// open call closing in a few minutes, and N confirmed applicant accounts, each with a complete draft that lacks
/// only its file and the press of the submit button. The contact address is the owner's, so each submission
/// queues exactly one receipt. Every account has the same password, hashed once here (with the app's own hasher
/// and cost): signing in still verifies it at full cost, once per applicant.
/// </summary>
internal static class RushSeed
{
    public const string Password = "deadline rush password 2026";

    public sealed record Applicant(string Email, string Password, int EntryId);

    public static async Task<(Call Call, List<Applicant> Applicants)> SeedAsync(IServiceProvider services, int count, TimeSpan closesIn)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        var now = DateTime.UtcNow;
        var code = "RUSH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var call = new Call
        {
            Code = code, TitleEn = $"Digital Prevention Prize ({code})", TitleFr = $"Prix de la prévention numérique ({code})",
            OpensAtUtc = now.AddDays(-60), ClosesAtUtc = now + closesIn, GraceMinutes = 0, Status = CallStatus.Open,
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All], CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var roleId = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleAsync();
        var hash = hasher.HashPassword(new AppUser(), Password);

        var applicants = new List<Applicant>();
        for (var start = 0; start < count; start += 500)
        {
            var batch = new List<(AppUser User, Entry Entry)>();
            for (var i = start; i < Math.Min(count, start + 500); i++)
            {
                var email = $"team{i:0000}-{code.ToLowerInvariant()}@rush.example.org";
                var user = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAtUtc = now.AddDays(-20),
                    LockoutEnabled = true,
                };
                var entry = Draft(call.Id, user, i, now);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                db.Entries.Add(entry);
                batch.Add((user, entry));
            }
            await db.SaveChangesAsync();
            applicants.AddRange(batch.Select(b => new Applicant(b.User.Email!, Password, b.Entry.Id)));
            db.ChangeTracker.Clear();
        }
        return (call, applicants);
    }

    private static Entry Draft(int callId, AppUser owner, int i, DateTime now)
    {
        var entry = new Entry
        {
            CallId = callId, OwnerId = owner.Id, Status = EntryStatus.Draft, Language = i % 3 == 0 ? "fr" : "en",
            Eligibility = new EligibilityAnswers { FormalStructure = true, YouthActivelyInvolved = true, ProjectState = ProjectState.Running, Country = "FR" },
            OrganisationName = $"Youth Association {i}", OrganisationType = "NGO", Website = $"https://youth-{i}.example.org",
            ContactName = "Camille Martin", ContactEmail = owner.Email!,
            FormalStructureEvidenceUrl = $"https://registry.example/assoc/{i}",
            TeamMembers = [new() { Name = "Camille Martin", Email = owner.Email!, Role = "Coordinator" }, new() { Name = "Yusuf Demir", Email = $"yusuf{i}@example.org", Role = "Youth lead" }],
            Title = $"Peer mentors against loot boxes, team {i}",
            Summary = "Teenagers train as peer mentors and run workshops on gaming and social media habits in schools.",
            Description = string.Concat(Enumerable.Repeat("Mentors aged 16 to 20 design the workshops themselves and meet younger pupils every month. ", 20)),
            YouthInvolvement = "Young people choose the topics, lead the sessions and evaluate them.",
            ParticipantsUnder25 = 40, ParticipantsUnder18 = 25, Adults = 5,
            DigitalBehaviours = ["gaming", "social-media"], TargetGroups = ["adolescents", "parents"], ImplementationCountries = ["FR", "BE"],
            StartDate = new DateOnly(2024, 9, 1), Ongoing = true,
            Evaluation = "Pre and post questionnaires with 300 pupils.", HumanRights = "Workshops are free and open to every pupil.",
            Replication = "Two trainers, a room and the open workshop kit.", ConsentToPublication = true, DeclarationTrue = true,
            CreatedAtUtc = now.AddDays(-10), UpdatedAtUtc = now.AddHours(-1),
        };
        entry.IdentifierWarnings = IdentifierCheck.Find(entry);
        return entry;
    }

    /// <summary>A PDF (by its signature and trailer) of exactly <paramref name="size"/> bytes, as an applicant's report would weigh.</summary>
    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 0 >>\nstream\n"u8.CopyTo(bytes);
        var trailer = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8;
        trailer.CopyTo(bytes.AsSpan(size - trailer.Length));
        return bytes;
    }
}
