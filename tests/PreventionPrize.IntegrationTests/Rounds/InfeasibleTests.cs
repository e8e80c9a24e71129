using System.Net;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>When conflicts leave an entry too few possible readers, computing still succeeds and the page says which entry and why.</summary>
public sealed class InfeasibleTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task An_entry_with_only_two_possible_readers_of_three_is_listed_with_the_counts_and_the_others_are_covered()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 3);
        var hard = entries[0];
        await _given.JurorAsync(call, "Ana");
        await _given.JurorAsync(call, "Ben");
        var cleo = await _given.JurorAsync(call, "Cleo", worksFor: hard);
        var dan = await _given.JurorAsync(call, "Dan", worksFor: hard);
        await _given.DetectAsync(call, (cleo, hard), (dan, hard));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 3, maxLoad: 3);

        var computed = await secretariat.PostAsync($"{RoundScenario.RoundUrl(roundId)}/compute");
        Assert.Equal(HttpStatusCode.Redirect, computed.Status);
        var page = await secretariat.GetAsync(computed.Location!);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(RoundScenario.FlashError(page));
        Assert.Equal("The assignment is computed.", RoundScenario.Flash(page));
        var shortfalls = page.Document.QuerySelectorAll(".warning-box").SingleOrDefault(b => b.TextContent.Contains("Entries with too few readers"));
        Assert.NotNull(shortfalls);
        var items = shortfalls.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([$"{hard.Reference}: 2 of 3 readers. 2 jurors may read it; 2 are kept away by a conflict and 0 do not read its language."], items);

        var pairs = await _given.PairsAsync(roundId);
        Assert.Equal(2, pairs.Count(p => p.EntryId == hard.Id));
        Assert.DoesNotContain(pairs, p => p.EntryId == hard.Id && (p.JuryMemberId == cleo.Member.Id || p.JuryMemberId == dan.Member.Id));
        Assert.All(entries.Skip(1), e => Assert.Equal(3, pairs.Count(p => p.EntryId == e.Id)));
        Assert.All(pairs.GroupBy(p => p.JuryMemberId), load => Assert.True(load.Count() <= 3));
    }
}
