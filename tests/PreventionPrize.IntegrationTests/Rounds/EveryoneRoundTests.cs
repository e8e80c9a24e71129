using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>A round in which every juror reads every entry: nothing before it is published, everything but conflicts after, and one e-mail each time.</summary>
public sealed class EveryoneRoundTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task Jurors_see_nothing_before_publication_and_every_eligible_entry_but_their_conflicts_after()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 3);
        var submitted = await _given.EntryAsync(call, status: EntryStatus.Submitted);
        var ines = await _given.JurorAsync(call, "Ines Okafor");
        var tomas = await _given.JurorAsync(call, "Tomas Berg", worksFor: entries[1]);
        await _given.DetectAsync(call, (tomas, entries[1]));
        using var secretariat = await _given.SecretariatAsync();
        using var inesClient = await _given.SignedInAsync(ines);
        using var tomasClient = await _given.SignedInAsync(tomas);
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call);
        var all = entries.Append(submitted).ToList();
        var refs = entries.Select(e => e.Reference!).ToList();

        foreach (var client in new[] { inesClient, tomasClient })
        {
            var (listed, pages) = await RoundScenario.WhatTheJurorSeesAsync(client, call, all);
            Assert.Empty(listed);
            Assert.All(pages.Values, status => Assert.Equal(HttpStatusCode.NotFound, status));
        }

        var published = await RoundScenario.ActAsync(secretariat, roundId, "publish");
        Assert.Contains("The round is published", RoundScenario.Flash(published));

        var (inesListed, inesPages) = await RoundScenario.WhatTheJurorSeesAsync(inesClient, call, all);
        Assert.Equal(refs.Order(), inesListed);
        Assert.All(entries, e => Assert.Equal(HttpStatusCode.OK, inesPages[e.Reference!]));
        Assert.Equal(HttpStatusCode.NotFound, inesPages[submitted.Reference!]);

        var (tomasListed, tomasPages) = await RoundScenario.WhatTheJurorSeesAsync(tomasClient, call, all);
        Assert.Equal(new[] { refs[0], refs[2] }.Order(), tomasListed);
        Assert.Equal(HttpStatusCode.OK, tomasPages[refs[0]]);
        Assert.Equal(HttpStatusCode.NotFound, tomasPages[refs[1]]);
        Assert.Equal(HttpStatusCode.OK, tomasPages[refs[2]]);
        Assert.Equal(HttpStatusCode.NotFound, tomasPages[submitted.Reference!]);
    }

    [Fact]
    public async Task Each_juror_gets_one_e_mail_per_publication_that_counts_their_entries_and_names_none()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 3);
        var ines = await _given.JurorAsync(call, "Ines Okafor");
        var tomas = await _given.JurorAsync(call, "Tomas Berg", worksFor: entries[1]);
        await _given.DetectAsync(call, (tomas, entries[1]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call, ("NameEn", "Open reading"));

        await RoundScenario.ActAsync(secretariat, roundId, "publish");
        var toInes = await app.Mail.WaitForMessageTo(ines.Email);
        var toTomas = await app.Mail.WaitForMessageTo(tomas.Email);
        await Task.Delay(500); // a second message, were one queued, would have been delivered by now

        Assert.Single(app.Mail.To(ines.Email));
        Assert.Single(app.Mail.To(tomas.Email));
        Assert.Contains("Open reading", toInes.Subject);
        Assert.Contains("3 in all", toInes.TextBody);
        Assert.Contains("2 in all", toTomas.TextBody);
        foreach (var message in new[] { toInes, toTomas })
        {
            var text = $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}";
            Assert.Contains($"/jury/{call.Code}", text);
            foreach (var entry in entries)
            {
                Assert.DoesNotContain(entry.Reference!, text);
                Assert.DoesNotContain(entry.Title, text);
                Assert.DoesNotContain(entry.OrganisationName, text);
            }
        }

        await RoundScenario.ActAsync(secretariat, roundId, "publish");
        await app.Mail.WaitForMessageTo(ines.Email, 2);
        await app.Mail.WaitForMessageTo(tomas.Email, 2);
        await Task.Delay(500);

        Assert.Equal(2, app.Mail.To(ines.Email).Count);
        Assert.Equal(2, app.Mail.To(tomas.Email).Count);
    }

    [Fact]
    public async Task A_round_of_chosen_entries_shows_jurors_only_those()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 3);
        var ines = await _given.JurorAsync(call, "Ines Okafor");
        using var secretariat = await _given.SecretariatAsync();
        using var juror = await _given.SignedInAsync(ines);
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call);
        var (first, left, third) = (entries[0], entries[1], entries[2]);

        var narrowed = await RoundScenario.EditAsync(secretariat, roundId,
            ("AllEligibleEntries", "false"), ("EntryIds", $"{first.Id}"), ("EntryIds", $"{third.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, narrowed.Status);
        await RoundScenario.ActAsync(secretariat, roundId, "publish");
        var mail = await app.Mail.WaitForMessageTo(ines.Email);

        var (listed, pages) = await RoundScenario.WhatTheJurorSeesAsync(juror, call, entries);
        Assert.Equal(new[] { first.Reference!, third.Reference! }.Order(), listed);
        Assert.Equal(HttpStatusCode.OK, pages[first.Reference!]);
        Assert.Equal(HttpStatusCode.NotFound, pages[left.Reference!]);
        Assert.Equal(HttpStatusCode.OK, pages[third.Reference!]);
        Assert.Contains("2 in all", mail.TextBody);

        // Back to every eligible entry: the one left out appears, so its absence above was the choice at work.
        var widened = await RoundScenario.EditAsync(secretariat, roundId, ("AllEligibleEntries", "true"));
        Assert.Equal(HttpStatusCode.Redirect, widened.Status);
        var (allListed, allPages) = await RoundScenario.WhatTheJurorSeesAsync(juror, call, entries);
        Assert.Equal(entries.Select(e => e.Reference!).Order(), allListed);
        Assert.Equal(HttpStatusCode.OK, allPages[left.Reference!]);
    }

    [Fact]
    public async Task Publishing_an_everyone_round_writes_no_assignment_rows_and_refuses_to_compute()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 2);
        await _given.JurorAsync(call, "Ines Okafor");
        await _given.JurorAsync(call, "Tomas Berg");
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call, ("Mode", nameof(AssignmentMode.EveryJurorEveryEntry)));

        var computed = await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var published = await RoundScenario.ActAsync(secretariat, roundId, "publish");

        Assert.Contains("there is no assignment to compute", RoundScenario.FlashError(computed));
        Assert.Null(RoundScenario.FlashError(published));
        Assert.Contains("The round is published", RoundScenario.Flash(published));
        Assert.Empty(await _given.PairsAsync(roundId));
        Assert.All(entries, e => Assert.Contains($"{e.Reference}: 2 readers", published.Text));
        Assert.Equal(RoundStatus.Open, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_translation_ticked_for_an_entry_left_out_of_a_shortlist_does_not_bring_it_in()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 3);
        var ines = await _given.JurorAsync(call, "Ines Okafor");
        using var secretariat = await _given.SecretariatAsync();
        using var juror = await _given.SignedInAsync(ines);
        var roundId = await RoundScenario.CreateRoundAsync(secretariat, call);
        var (chosen, left, translatedAndChosen) = (entries[0], entries[1], entries[2]);

        var saved = await RoundScenario.EditAsync(secretariat, roundId, ("AllEligibleEntries", "false"),
            ("EntryIds", $"{chosen.Id}"), ("EntryIds", $"{translatedAndChosen.Id}"),
            ("TranslatedEntryIds", $"{left.Id}"), ("TranslatedEntryIds", $"{translatedAndChosen.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await RoundScenario.ActAsync(secretariat, roundId, "publish");

        var (listed, pages) = await RoundScenario.WhatTheJurorSeesAsync(juror, call, entries);
        Assert.Equal(new[] { chosen.Reference!, translatedAndChosen.Reference! }.Order(), listed);
        Assert.Equal(HttpStatusCode.NotFound, pages[left.Reference!]);
        Assert.Equal(HttpStatusCode.OK, pages[translatedAndChosen.Reference!]);
        Assert.True(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).SelectMany(r => r.Entries)
            .AnyAsync(x => x.EntryId == translatedAndChosen.Id && x.TranslationApproved)));

        // Chosen after all, the entry appears: its absence above was the shortlist at work.
        await RoundScenario.EditAsync(secretariat, roundId, ("EntryIds", $"{chosen.Id}"), ("EntryIds", $"{left.Id}"), ("EntryIds", $"{translatedAndChosen.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await juror.GetAsync(Jury.JuryScenario.EntryUrl(call, left))).Status);
    }
}
