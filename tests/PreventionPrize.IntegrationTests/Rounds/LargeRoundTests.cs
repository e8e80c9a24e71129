using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using Xunit.Abstractions;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>The size a real call reaches, end to end: from the database, through the page's button, to the saved pairs.</summary>
public sealed class LargeRoundTests(PrizeAppFactory app, ITestOutputHelper output) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task A_hundred_entries_and_seven_jurors_at_three_readers_each_are_all_covered()
    {
        var call = await _given.CallAsync();
        var owner = await app.CreateUserAsync($"applicant-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        string[] behaviours = ["gaming", "social-media", "gambling", "streaming", "online-shopping"];
        string[] targets = ["adolescents", "parents", "teachers", "children", "young-adults"];
        for (var i = 0; i < 100; i++)
        {
            var n = i;
            await new EntryBuilder(app).In(call).OwnedBy(owner).WithStatus(EntryStatus.Eligible).With(e =>
            {
                e.OrganisationName = $"Organisation {n}";
                e.Language = n % 4 == 0 ? "fr" : "en";
                e.DigitalBehaviours = [behaviours[n % 5], behaviours[(n * 3 + 1) % 5]];
                e.TargetGroups = [targets[n % 5]];
            }).SaveAsync();
        }
        for (var j = 0; j < 7; j++)
            await _given.JurorAsync(call, $"Juror {j}", reads: j % 3 == 0 ? ["en"] : ["en", "fr"], country: j % 2 == 0 ? "DE" : "IT",
                behaviours: [behaviours[j % 5]], targets: [targets[(j + 2) % 5]]);
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 3, maxLoad: 50);

        var watch = Stopwatch.StartNew();
        var computed = await secretariat.PostAsync($"{RoundScenario.RoundUrl(roundId)}/compute");
        watch.Stop();
        output.WriteLine($"POST compute for 100 entries × 7 jurors, k=3, max load 50: {watch.ElapsedMilliseconds} ms");

        var page = await secretariat.GetAsync(computed.Location!);
        Assert.Null(RoundScenario.FlashError(page));
        var pairs = await _given.PairsAsync(roundId);
        var entryIds = await app.WithDbAsync(db => db.Entries.Where(e => e.CallId == call.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(100, entryIds.Count);
        Assert.All(entryIds, id => Assert.Equal(3, pairs.Where(p => p.EntryId == id).Select(p => p.JuryMemberId).Distinct().Count()));
        Assert.Equal(300, pairs.Count);
        Assert.All(pairs.GroupBy(p => p.JuryMemberId), load => Assert.InRange(load.Count(), 1, 50));
        Assert.DoesNotContain("Entries with too few readers", page.Text);
    }
}
