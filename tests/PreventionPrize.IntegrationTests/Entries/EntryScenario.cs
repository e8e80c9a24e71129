using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;

namespace PreventionPrize.IntegrationTests.Entries;

/// <summary>Sets up what entry tests start from: an open call and an applicant who has started an entry through the real pages.</summary>
public sealed class EntryScenario(PrizeAppFactory app)
{
    public DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    public async Task<Call> OpenCallAsync(TimeSpan? closesIn = null, int graceMinutes = 10)
    {
        var code = "E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var call = new Call
        {
            Code = code, TitleEn = $"Prize {code}", TitleFr = $"Prix {code}",
            OpensAtUtc = Now.AddDays(-10), ClosesAtUtc = Now + (closesIn ?? TimeSpan.FromDays(20)), GraceMinutes = graceMinutes,
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All],
            Status = CallStatus.Open, CreatedAtUtc = Now, UpdatedAtUtc = Now,
        };
        await app.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            return await db.SaveChangesAsync();
        });
        return call;
    }

    public async Task<(TestClient Client, AppUser User)> ApplicantAsync(string language = "en")
    {
        var email = $"team-{Guid.NewGuid():N}@example.org";
        var user = await app.CreateUserAsync(email, Roles.Applicant, language: language);
        var client = app.NewClient();
        await client.SignInAsync(email);
        if (language == "fr") await client.SwitchLanguageAsync("fr");
        return (client, user);
    }

    public static List<KeyValuePair<string, string>> Eligible(string language = "en", string country = "FR") =>
    [
        new("FormalStructure", "true"), new("YouthActivelyInvolved", "true"), new("ProjectState", "Running"),
        new("Country", country), new("Language", language),
    ];

    /// <summary>Answers the eligibility questions and returns the new entry's id.</summary>
    public static async Task<int> StartAsync(TestClient client, Call call, string language = "en")
    {
        var started = await client.SubmitAsync($"/calls/{call.Code}/apply", Eligible(language));
        if (started.Status != HttpStatusCode.Redirect) throw new InvalidOperationException(string.Join(" | ", started.Errors));
        return int.Parse(started.Location!.Split('/')[2]);
    }

    /// <summary>Everything a complete entry needs, as the form posts it.</summary>
    public static List<KeyValuePair<string, string>> Complete(string title = "Level Up Together") =>
    [
        new("OrganisationName", "Jeunesse Numérique Strasbourg"), new("OrganisationType", "NGO"),
        new("Website", "https://jeunesse-numerique.example"), new("ContactName", "Camille Martin"), new("ContactEmail", "camille@example.org"),
        new("TeamMembers[0].Name", "Yusuf Demir"), new("TeamMembers[0].Email", "yusuf@example.org"), new("TeamMembers[0].Role", "Youth coordinator"),
        new("TeamMembers[1].Name", ""), new("TeamMembers[1].Email", ""), new("TeamMembers[1].Role", ""),
        new("FormalStructureEvidenceUrl", "https://registry.example/assoc/123"),
        new("Title", title),
        new("Summary", "Peer mentors aged 16 to 21 run gaming nights where younger players learn to spot loot-box pressure."),
        new("Description", "Young mentors design and lead sessions about in-game spending, streaming and sleep."),
        new("YouthInvolvement", "Mentors co-design every session and evaluate it with the adults."),
        new("ParticipantsUnder25", "120"), new("ParticipantsUnder18", "80"), new("Adults", "6"),
        new("DigitalBehaviours", "gaming"), new("DigitalBehaviours", "streaming"),
        new("TargetGroups", "adolescents"), new("ImplementationCountries", "FR"), new("ImplementationCountries", "DE"),
        new("StartDate", "2024-09-01"), new("Ongoing", "true"),
        new("Evaluation", "Pre and post questionnaires with 95 participants showed fewer impulsive purchases."),
        new("HumanRights", "Sessions are free, accessible and run in three languages."),
        new("Replication", "Two trained mentors, a room, consoles, about 3000 euros a year."),
        new("ConsentToPublication", "true"), new("DeclarationTrue", "true"),
    ];
}
