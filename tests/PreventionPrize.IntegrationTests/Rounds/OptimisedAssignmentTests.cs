using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>
/// An optimised round from the database to the saved assignment: k readers per entry within the loads, never a
/// conflicted pair or an unread language, the reasons in words, and jurors who see exactly their pairs.
/// </summary>
public sealed class OptimisedAssignmentTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task Computing_gives_every_entry_two_readers_within_the_loads_and_never_a_conflicted_or_unread_pair()
    {
        var call = await _given.CallAsync();
        // Each rule is put to the test: Cleo's expertise matches only the French entries she cannot read, and
        // Dan's only the English entry of the organisation he works for.
        var english = new List<Core.Entries.Entry> { await _given.EntryAsync(call, change: e => e.TargetGroups = ["teachers"]) };
        english.AddRange(await _given.EntriesAsync(call, 3));
        var french = new List<Core.Entries.Entry>();
        for (var i = 0; i < 2; i++) french.Add(await _given.EntryAsync(call, "fr", e => e.DigitalBehaviours = ["gaming", "streaming"]));
        var entries = english.Concat(french).ToList();
        var gamer = await _given.JurorAsync(call, "Ana Gamer", behaviours: ["gaming"]);
        await _given.JurorAsync(call, "Ben Both");
        var englishOnly = await _given.JurorAsync(call, "Cleo English", reads: ["en"], behaviours: ["streaming"]);
        var conflicted = await _given.JurorAsync(call, "Dan Conflicted", targets: ["teachers"], worksFor: english[0]);
        await _given.DetectAsync(call, (conflicted, english[0]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);

        var page = await RoundScenario.ActAsync(secretariat, roundId, "compute");

        Assert.Null(RoundScenario.FlashError(page));
        Assert.Equal("The assignment is computed.", RoundScenario.Flash(page));
        var pairs = await _given.PairsAsync(roundId);
        Assert.All(entries, e => Assert.Equal(2, pairs.Count(p => p.EntryId == e.Id)));
        Assert.Equal(12, pairs.Select(p => (p.EntryId, p.JuryMemberId)).Distinct().Count());
        Assert.All(pairs.GroupBy(p => p.JuryMemberId), load => Assert.InRange(load.Count(), 1, 4));
        Assert.All(pairs, p => Assert.Equal(AssignmentOrigin.Solver, p.Origin));
        Assert.DoesNotContain(pairs, p => p.JuryMemberId == conflicted.Member.Id && p.EntryId == english[0].Id);
        Assert.Contains(pairs, p => p.JuryMemberId == conflicted.Member.Id);
        Assert.DoesNotContain(pairs, p => p.JuryMemberId == englishOnly.Member.Id && french.Any(f => f.Id == p.EntryId));
        Assert.Contains(pairs, p => p.JuryMemberId == englishOnly.Member.Id);
        Assert.Empty(page.Document.QuerySelectorAll(".warning-box"));

        // The gamer's pairs are explained by the matching behaviour, in words; the others by no match at all.
        var gamerPairs = pairs.Where(p => p.JuryMemberId == gamer.Member.Id).ToList();
        Assert.NotEmpty(gamerPairs);
        Assert.All(gamerPairs, p => Assert.Equal(("behaviour:gaming=+10", 10), (p.Explanation, p.Suitability)));
        var rows = page.Document.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).Where(c => c.Count == 6).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows.Where(r => r[1] == "Ana Gamer"), r => Assert.Equal(("10", "Gaming +10"), (r[2], r[3])));
        Assert.All(rows.Where(r => r[1] == "Ben Both"), r => Assert.Equal(("0", "No expertise match: chosen to cover the entry"), (r[2], r[3])));
        Assert.Contains(rows, r => r[1] == "Ben Both");
    }

    [Fact]
    public async Task After_publication_each_juror_sees_exactly_the_entries_given_to_them()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 6);
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ana", "Ben", "Cleo", "Dan" }) jurors.Add(await _given.JurorAsync(call, name));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairs = await _given.PairsAsync(roundId);

        await RoundScenario.ActAsync(secretariat, roundId, "publish");

        foreach (var juror in jurors)
        {
            using var client = await _given.SignedInAsync(juror);
            var given = pairs.Where(p => p.JuryMemberId == juror.Member.Id).Select(p => entries.Single(e => e.Id == p.EntryId).Reference!).ToHashSet();
            var (listed, pages) = await RoundScenario.WhatTheJurorSeesAsync(client, call, entries);
            Assert.Equal(given.Order(), listed);
            Assert.All(pages, page => Assert.Equal(given.Contains(page.Key) ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.Value));
            Assert.InRange(given.Count, 1, 5); // each juror has some entries and misses some, so both answers are exercised

            var mail = await app.Mail.WaitForMessageTo(juror.Email);
            Assert.Contains($"{given.Count} in all", mail.TextBody);
        }
    }

    [Fact]
    public async Task An_approved_translation_lets_jurors_who_do_not_read_the_language_be_given_the_entry()
    {
        var call = await _given.CallAsync();
        var english = await _given.EntriesAsync(call, 2);
        var (translated, untranslated) = (await _given.EntryAsync(call, "fr"), await _given.EntryAsync(call, "fr"));
        await _given.JurorAsync(call, "Ana Francophone", reads: ["en", "fr"]);
        var others = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ben", "Cleo", "Dan" }) others.Add(await _given.JurorAsync(call, name, reads: ["en"]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);
        bool ReadByAnEnglishReader(List<JurorAssignment> pairs, int entryId) =>
            pairs.Any(p => p.EntryId == entryId && others.Any(o => o.Member.Id == p.JuryMemberId));

        var before = await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairsBefore = await _given.PairsAsync(roundId);

        Assert.Equal(1, pairsBefore.Count(p => p.EntryId == translated.Id));
        Assert.False(ReadByAnEnglishReader(pairsBefore, translated.Id));
        Assert.Contains($"{translated.Reference}: 1 of 2 readers. 1 jurors may read it; 0 are kept away by a conflict and 3 do not read its language.", before.Text);

        var saved = await RoundScenario.EditAsync(secretariat, roundId, ("TranslatedEntryIds", $"{translated.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairsAfter = await _given.PairsAsync(roundId);

        Assert.Equal(2, pairsAfter.Count(p => p.EntryId == translated.Id));
        Assert.True(ReadByAnEnglishReader(pairsAfter, translated.Id));
        Assert.DoesNotContain($"{translated.Reference}: 1 of 2 readers", after.Text);
        Assert.Equal(1, pairsAfter.Count(p => p.EntryId == untranslated.Id));
        Assert.False(ReadByAnEnglishReader(pairsAfter, untranslated.Id));
        Assert.All(english, e => Assert.Equal(2, pairsAfter.Count(p => p.EntryId == e.Id)));
        Assert.True(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).SelectMany(r => r.Entries).AnyAsync(x => x.EntryId == translated.Id && x.TranslationApproved)));
    }

    [Fact]
    public async Task A_country_cap_of_one_keeps_two_jurors_of_one_country_off_the_same_entry()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 4);
        // Two German experts suit every entry far better than the others: without the cap they read together.
        string[] behaviours = ["gaming", "social-media"], targets = ["adolescents", "parents"];
        var germans = new[]
        {
            await _given.JurorAsync(call, "Greta", country: "DE", behaviours: behaviours, targets: targets),
            await _given.JurorAsync(call, "Hans", country: "DE", behaviours: behaviours, targets: targets),
        };
        await _given.JurorAsync(call, "Ilaria", country: "IT");
        await _given.JurorAsync(call, "Javier", country: "ES");
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);
        bool BothGermans(List<JurorAssignment> pairs, int entryId) => germans.All(g => pairs.Any(p => p.EntryId == entryId && p.JuryMemberId == g.Member.Id));

        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var uncapped = await _given.PairsAsync(roundId);
        Assert.Contains(entries, e => BothGermans(uncapped, e.Id));

        var capped = await RoundScenario.EditAsync(secretariat, roundId, ("MaxJurorsPerCountry", "1"));
        Assert.Equal(HttpStatusCode.Redirect, capped.Status);
        var page = await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairs = await _given.PairsAsync(roundId);

        Assert.Null(RoundScenario.FlashError(page));
        Assert.DoesNotContain(entries, e => BothGermans(pairs, e.Id));
        Assert.All(entries, e => Assert.Equal(2, pairs.Count(p => p.EntryId == e.Id)));
        Assert.All(entries, e => Assert.Single(pairs, p => p.EntryId == e.Id && germans.Any(g => g.Member.Id == p.JuryMemberId)));
    }

    [Fact]
    public async Task Jurors_who_name_no_country_are_not_held_together_by_the_country_cap()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 2);
        foreach (var name in new[] { "Ana", "Ben", "Cleo" })
            await app.CreateReadyJurorAsync(call, name, m => m.Profile.Countries = []);
        var greta = await _given.JurorAsync(call, "Greta", country: "DE");
        var hans = await _given.JurorAsync(call, "Hans", country: "DE");
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 3, maxLoad: 2, countryCap: 1);

        var page = await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairs = await _given.PairsAsync(roundId);

        Assert.DoesNotContain("Entries with too few readers", page.Text);
        Assert.All(entries, e => Assert.Equal(3, pairs.Count(p => p.EntryId == e.Id)));
        // The cap still holds for the two Germans.
        Assert.DoesNotContain(entries, e => pairs.Any(p => p.EntryId == e.Id && p.JuryMemberId == greta.Member.Id) && pairs.Any(p => p.EntryId == e.Id && p.JuryMemberId == hans.Member.Id));
    }
}
