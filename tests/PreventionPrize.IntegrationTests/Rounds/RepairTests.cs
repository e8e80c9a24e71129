using System.Net;
using PreventionPrize.Core.Rounds;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>Repair fills only what a recusal opened and touches nothing else; locked pairs survive a full recomputation.</summary>
public sealed class RepairTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task After_a_recusal_repair_fills_only_the_open_place_and_keeps_every_other_pair_as_it_was()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 4);
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ana", "Ben", "Cleo", "Dan" }) jurors.Add(await _given.JurorAsync(call, name));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 3);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var published = await RoundScenario.ActAsync(secretariat, roundId, "publish");
        var before = await _given.PairsAsync(roundId);
        Assert.Equal(8, before.Count);
        Assert.DoesNotContain("Pairs that no longer stand", published.Text);

        var recused = before[0];
        var recuser = jurors.Single(j => j.Member.Id == recused.JuryMemberId);
        var entry = entries.Single(e => e.Id == recused.EntryId);
        using var recuserClient = await _given.SignedInAsync(recuser);
        Assert.Equal(HttpStatusCode.OK, (await recuserClient.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        await JuryScenario.RecuseAsync(recuserClient, call, entry);

        var stale = await secretariat.GetAsync(RoundScenario.RoundUrl(roundId));
        Assert.Contains("Pairs that no longer stand", stale.Text);
        Assert.Contains("1 pairs became impossible", stale.Text);
        Assert.Contains($"{entry.Reference}: 1 of 2 readers", stale.Text);

        var repaired = await RoundScenario.ActAsync(secretariat, roundId, "repair");
        var after = await _given.PairsAsync(roundId);

        Assert.Null(RoundScenario.FlashError(repaired));
        Assert.DoesNotContain("Pairs that no longer stand", repaired.Text);
        Assert.DoesNotContain(after, p => p.Id == recused.Id);
        Assert.DoesNotContain(after, p => p.EntryId == entry.Id && p.JuryMemberId == recuser.Member.Id);
        var kept = before.Where(p => p.Id != recused.Id).ToList();
        Assert.Equal(kept.Select(p => (p.Id, p.EntryId, p.JuryMemberId, p.Origin, p.Locked)), after.Where(p => p.Origin != AssignmentOrigin.Repair).Select(p => (p.Id, p.EntryId, p.JuryMemberId, p.Origin, p.Locked)));
        var filled = Assert.Single(after, p => p.Origin == AssignmentOrigin.Repair);
        Assert.Equal(entry.Id, filled.EntryId);
        Assert.NotEqual(recuser.Member.Id, filled.JuryMemberId);
        Assert.Equal(2, after.Where(p => p.EntryId == entry.Id).Select(p => p.JuryMemberId).Distinct().Count());
        Assert.All(after.GroupBy(p => p.JuryMemberId), load => Assert.True(load.Count() <= 3));

        // The round is open: the new reader sees the entry at once, the juror who stepped away does not.
        using var newReader = await _given.SignedInAsync(jurors.Single(j => j.Member.Id == filled.JuryMemberId));
        Assert.Equal(HttpStatusCode.OK, (await newReader.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await recuserClient.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
    }

    [Fact]
    public async Task A_locked_pair_survives_a_full_recomputation_with_its_id_while_unlocked_pairs_are_made_anew()
    {
        var call = await _given.CallAsync();
        await _given.EntriesAsync(call, 4);
        foreach (var name in new[] { "Ana", "Ben", "Cleo", "Dan" }) await _given.JurorAsync(call, name);
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 3);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var first = await _given.PairsAsync(roundId);
        var chosen = first[3];

        var lockedPage = await RoundScenario.ActAsync(secretariat, roundId, $"assignments/{chosen.Id}/lock");
        Assert.Equal("The assignment is changed.", RoundScenario.Flash(lockedPage));
        Assert.NotNull(lockedPage.Document.QuerySelector($"form[action='/secretariat/rounds/{roundId}/assignments/{chosen.Id}/unlock']"));
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var second = await _given.PairsAsync(roundId);

        var survivor = Assert.Single(second, p => p.Id == chosen.Id);
        Assert.True(survivor.Locked);
        Assert.Equal((chosen.EntryId, chosen.JuryMemberId, AssignmentOrigin.Solver), (survivor.EntryId, survivor.JuryMemberId, survivor.Origin));
        Assert.Single(second, p => p.EntryId == chosen.EntryId && p.JuryMemberId == chosen.JuryMemberId);
        Assert.Equal(8, second.Count);
        // Every other pair was made again (new ids), so keeping the locked one was the lock's doing.
        Assert.Empty(second.Where(p => p.Id != chosen.Id).Select(p => p.Id).Intersect(first.Select(p => p.Id)));

        await RoundScenario.ActAsync(secretariat, roundId, $"assignments/{chosen.Id}/unlock");
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        Assert.DoesNotContain(await _given.PairsAsync(roundId), p => p.Id == chosen.Id);
    }
}
