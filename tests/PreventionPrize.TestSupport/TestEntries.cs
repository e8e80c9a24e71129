using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.TestSupport;

/// <summary>Calls and entries written straight to the database, for tests of what happens to an entry once it exists.</summary>
public static class TestEntries
{
    /// <summary>An open call whose window is around the factory's clock: opened yesterday, closing in a week, 15 minutes' grace.</summary>
    public static Task<Call> CreateOpenCallAsync(this PrizeAppFactory app, Action<Call>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var code = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var call = new Call
            {
                Code = code,
                TitleEn = $"Prize {code}",
                TitleFr = $"Prix {code}",
                OpensAtUtc = now.AddDays(-1),
                ClosesAtUtc = now.AddDays(7),
                GraceMinutes = 15,
                EligibleCountries = ["FR", "DE", "PT"],
                EntryLanguages = [.. EntryLanguages.All],
                Status = CallStatus.Open,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            configure?.Invoke(call);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });

    /// <summary>A draft entry owned by <paramref name="ownerId"/> in <paramref name="callId"/>.</summary>
    public static Task<Entry> CreateEntryAsync(this PrizeAppFactory app, string ownerId, int callId, Action<Entry>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var entry = new Entry
            {
                CallId = callId,
                OwnerId = ownerId,
                Language = "en",
                Status = EntryStatus.Draft,
                OrganisationName = "Association Horizon Jeunesse",
                ContactName = "Camille Martin",
                TeamMembers = [new TeamMember { Name = "Léa Dupont", Email = "lea@example.org", Role = "Coordinator" }],
                Title = "Screens and sleep",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            configure?.Invoke(entry);
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry;
        });

    /// <summary>A signed-in applicant with a draft entry in a new open call (configured by <paramref name="call"/>).</summary>
    public static async Task<(TestClient Client, Entry Entry)> ApplicantWithEntryAsync(this PrizeAppFactory app,
        Action<Call>? call = null, Action<Entry>? entry = null)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var owner = await app.CreateUserAsync(email, Roles.Applicant);
        var created = await app.CreateEntryAsync(owner.Id, (await app.CreateOpenCallAsync(call)).Id, entry);
        var client = app.NewClient();
        await client.SignInAsync(email);
        return (client, created);
    }
}
