using PreventionPrize.Core.Time;

namespace PreventionPrize.BrowserTests.FullPrize;

/// <summary>
/// The whole prize, once, in a real browser: a manual for the newcomer, told by the people who use it. Each act is
/// one stage of the prize; each step is a page and a button. Every page is checked by axe-core in the language it
/// is read in, and the key pages are saved as screenshots in $PP_ARTIFACTS/screenshots/full-prize. The helpers
/// (Secretariat, Applicant, Juror, Visitor) are in this folder.
/// </summary>
public sealed class FullPrizeJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_prize_runs_from_the_call_for_entries_to_the_public_winners()
    {
        var journey = new Journey(host);
        var code = "FP-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (titleEn, titleFr) = ($"Digital Prevention Prize {code}", $"Prix de la prévention numérique {code}");
        var start = host.App.Clock.GetUtcNow().UtcDateTime;
        string Reference(int number) => $"{code}-{number:0000}";
        string Address(string name, string domain = "example.org") => $"{name}-{Guid.NewGuid():N}@{domain}";

        // Act 1. The Secretariat writes the call for entries and opens it: from now on anyone can read it and apply.
        var secretariat = await Secretariat.SignsInAsync(journey);
        await secretariat.CreatesCallAsync(code, titleEn, titleFr, closesAtUtc: start.AddDays(20));
        await secretariat.OpensTheCallAsync();

        // Act 2. Three teams apply. Camille is new here and creates an account; Inès has one, and reads and writes in
        // French; Tom has one too. Each answers the eligibility questions, fills the entry and gets a reference.
        var camille = await Applicant.RegistersAsync(journey, Address("camille"));
        await camille.SubmitsEntryAsync(titleEn, new("Level Up Together", "Peer mentors run gaming nights that teach young people to keep control.", "Jeunesse Numérique", "gaming"), Reference(1));
        var ines = await Applicant.SignsInAsync(journey, Address("ines"));
        await ines.SwitchesToFrenchAsync();
        await ines.SubmitsEntryAsync(titleFr, new("Ensemble en jeu", "Des lycéens animent des ateliers sur les paris sportifs en ligne.", "Lycées Solidaires", "gambling"), Reference(2));
        var tom = await Applicant.SignsInAsync(journey, Address("tom"));
        await tom.SubmitsEntryAsync(titleEn, new("Screens Off Sundays", "Families plan one screen-free day a week together.", "Family Ties", "social-media"), Reference(3));

        // Act 3. The Secretariat closes the call and screens each entry against the rules: all three are eligible,
        // and each team is told by e-mail.
        await secretariat.ClosesTheCallAsync();
        foreach (var number in new[] { 1, 2, 3 }) await secretariat.ScreensAsEligibleAsync(Reference(number));

        // Act 4. The jury. The Secretariat invites three people; each opens the link in the invitation e-mail, makes an
        // account, says where they work (so that the platform keeps connected entries from them) and signs the
        // declaration of interests. Léa reads in French, on her phone. (Their addresses are on their organisations'
        // domains: a juror sharing an e-mail domain with a team is a conflict the platform finds by itself.)
        var (anaEmail, bramEmail, leaEmail) = (Address("ana", "youth-link.example"), Address("bram", "trimbos.example"), Address("lea", "addiction.example"));
        await secretariat.InvitesJurorAsync("Ana Lopes", anaEmail, "en");
        await secretariat.InvitesJurorAsync("Bram de Vries", bramEmail, "en");
        await secretariat.InvitesJurorAsync("Léa Moreau", leaEmail, "fr");
        var ana = await Juror.AcceptsInvitationAsync(journey, anaEmail, "en", code);
        await ana.FillsProfileAsync("Youth Link Foundation");
        await ana.SignsTheDeclarationAsync();
        var bram = await Juror.AcceptsInvitationAsync(journey, bramEmail, "en", code);
        await bram.FillsProfileAsync("Trimbos Institute");
        await bram.SignsTheDeclarationAsync();
        var lea = await Juror.AcceptsInvitationAsync(journey, leaEmail, "fr", code, phone: true);
        await lea.FillsProfileAsync("Fédération Addiction");
        await lea.SignsTheDeclarationAsync();

        // Act 5. The first round. The Secretariat asks for two jurors per entry, at most three entries each; the solver
        // picks the six pairs; publishing tells each juror by e-mail how many entries wait for them.
        await secretariat.CreatesOptimisedRoundAsync(jurorsPerEntry: 2, mostPerJuror: 3);
        await secretariat.ComputesTheAssignmentAsync(pairs: 6);
        await secretariat.PublishesTheRoundAsync();

        // Act 6. Ana opens her first entry and, at first sight, recognises the team: she steps away before reading
        // more. Her place is open; the Secretariat repairs the assignment (the free juror takes it) and publishes again.
        var recused = (await ana.OpensTheirEntriesAsync())[0];
        await ana.RecusesAtFirstSightAsync(recused, "Family", "My sister volunteers for this organisation.");
        await secretariat.RepairsAndPublishesAgainAsync(pairs: 6);

        // Act 7. The jurors score, blind: each confirms they have no conflict, reads, and rates every criterion.
        // The levels follow the projects' quality, so the ranking below is known: 0001, then 0002, then 0003.
        var level = new Dictionary<string, int> { [Reference(1)] = 4, [Reference(2)] = 3, [Reference(3)] = 2 };
        var given = 0;
        foreach (var juror in new[] { ana, bram, lea })
        {
            var entries = await juror.OpensTheirEntriesAsync(publication: 2);
            if (juror == ana) Assert.DoesNotContain(recused, entries);
            foreach (var reference in entries)
                await juror.ScoresAsync(reference, level[reference], "Clear goals; say more about how you measure change.",
                    screenshot: juror == lea && reference == entries[0] ? "juror-scoring-fr-phone" : null);
            given += entries.Count;
            if (juror == lea) await juror.SeesAllScoredAsync(entries.Count);
        }
        Assert.Equal(6, given);

        // Act 8. Every sheet is in: the Secretariat closes the round (the jurors are thanked) and reads the results,
        // raw and calibrated for each juror's leniency, with the agreement between jurors.
        await secretariat.ClosesTheRoundAsync(sheets: 6);
        await secretariat.ReadsTheResultsAsync(Reference(1), Reference(2), Reference(3));

        // Act 9. The decisions, with the jury's reasons, and the instant of the ceremony in Strasbourg: until then no
        // applicant, juror or visitor sees them.
        await secretariat.RecordsDecisionAsync(Reference(1), "FirstPrize", "Young people lead it from start to finish.");
        await secretariat.RecordsDecisionAsync(Reference(2), "SecondPrize", "Des lycéens parlent aux lycéens, avec justesse.");
        await secretariat.RecordsDecisionAsync(Reference(3), "SpecialMention", "A simple idea any family can take up.");
        var ceremony = Strasbourg.ToUtc(Strasbourg.ToLocal(start).Date.AddDays(2).AddHours(18));
        await secretariat.SetsTheReleaseAtAsync(ceremony);
        var visitor = await Visitor.ArrivesAsync(journey, "fr");
        await visitor.SeesNoWinnerYetAsync("Level Up Together");

        // Act 10. The ceremony. The clock passes the instant; the release job tells every team its result by e-mail,
        // in its language, and the public gallery shows the winners.
        host.App.Clock.Advance(ceremony.AddMinutes(1) - host.App.Clock.GetUtcNow().UtcDateTime);
        await camille.IsToldAsync("your project is a winner");
        await ines.IsToldAsync("votre projet est lauréat");
        await tom.IsToldAsync("your project is a winner");
        await visitor.OpensTheWinnersAsync("Level Up Together", "Ensemble en jeu", "Screens Off Sundays");
        await visitor.ReadsTheWinnerAsync("Ensemble en jeu", "Deuxième prix", "Des lycéens parlent aux lycéens, avec justesse.");
    }
}
