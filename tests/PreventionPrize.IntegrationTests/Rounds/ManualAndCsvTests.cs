using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>Pairs made by hand or from a file follow the solver's rules, and the exported file carries no applicant identity.</summary>
public sealed class ManualAndCsvTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly RoundScenario _given = new(app);

    [Fact]
    public async Task A_conflicted_pair_added_by_hand_is_refused_with_a_message_and_a_good_one_is_added_locked()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 2);
        var ana = await _given.JurorAsync(call, "Ana");
        var tomas = await _given.JurorAsync(call, "Tomas", worksFor: entries[0]);
        await _given.DetectAsync(call, (tomas, entries[0]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);

        var refused = await RoundScenario.ActAsync(secretariat, roundId, "assignments/add", ("EntryId", $"{entries[0].Id}"), ("JuryMemberId", $"{tomas.Member.Id}"));

        Assert.Contains("This pair is not allowed: a conflict of interest", RoundScenario.FlashError(refused));
        Assert.Null(RoundScenario.Flash(refused));
        Assert.Empty(await _given.PairsAsync(roundId));

        var added = await RoundScenario.ActAsync(secretariat, roundId, "assignments/add", ("EntryId", $"{entries[0].Id}"), ("JuryMemberId", $"{ana.Member.Id}"));

        Assert.Null(RoundScenario.FlashError(added));
        Assert.Equal("The pair is added and locked.", RoundScenario.Flash(added));
        var pair = Assert.Single(await _given.PairsAsync(roundId));
        Assert.Equal((entries[0].Id, ana.Member.Id, AssignmentOrigin.Manual, true), (pair.EntryId, pair.JuryMemberId, pair.Origin, pair.Locked));
        Assert.Contains("By hand", added.Text);
    }

    [Fact]
    public async Task The_exported_file_has_one_line_per_pair_and_no_applicant_identity()
    {
        var marker = $"applicant{Guid.NewGuid():N}"[..24];
        var call = await _given.CallAsync();
        var entries = new List<Core.Entries.Entry>();
        for (var i = 0; i < 3; i++)
            entries.Add(await _given.EntryAsync(call, change: e =>
            {
                e.OrganisationName = $"{marker}org{i} Foundation";
                e.ContactName = $"{marker}contact{i} Smith";
                e.ContactEmail = $"{marker}mail{i}@example.org";
                e.TeamMembers = [new() { Name = $"{marker}team{i} Jones", Email = $"{marker}team{i}@example.org", Role = "Lead" }];
            }));
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ana", "Ben", "Cleo" }) jurors.Add(await _given.JurorAsync(call, name, behaviours: ["gaming"]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var pairs = await _given.PairsAsync(roundId);

        var export = await secretariat.GetAsync($"{RoundScenario.RoundUrl(roundId)}/assignments.csv");

        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Equal("text/csv", export.Response.Content.Headers.ContentType?.MediaType);
        var text = export.Html.TrimStart('\uFEFF');
        Assert.StartsWith("reference,juror_email,", text);
        var rows = CsvText.Parse(text);
        Assert.Equal(["reference", "juror_email", "juror_name", "locked", "origin", "suitability", "why"], rows[0]);
        Assert.Equal(pairs.Count + 1, rows.Count);
        Assert.Equal(6, pairs.Count);
        var expected = pairs.Select(p => (entries.Single(e => e.Id == p.EntryId).Reference!, jurors.Single(j => j.Member.Id == p.JuryMemberId).Email)).Order();
        Assert.Equal(expected, rows.Skip(1).Select(r => (r[0], r[1])).Order());
        Assert.All(rows.Skip(1), r => Assert.Equal(("Solver", "10", "behaviour:gaming=+10"), (r[4], r[5], r[6])));
        Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_imported_file_adds_its_good_lines_reports_the_others_and_adds_nothing_twice()
    {
        var call = await _given.CallAsync();
        var entries = await _given.EntriesAsync(call, 2);
        var ana = await _given.JurorAsync(call, "Ana");
        var tomas = await _given.JurorAsync(call, "Tomas", worksFor: entries[1]);
        await _given.DetectAsync(call, (tomas, entries[1]));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 2, maxLoad: 4);
        var file = Encoding.UTF8.GetBytes(
            "reference,juror_email\r\n" +
            $"{entries[0].Reference},{ana.Email}\r\n" +
            $"{entries[1].Reference},{tomas.Email}\r\n" +
            $"{call.Code}-9999,{ana.Email}\r\n");
        var url = $"{RoundScenario.RoundUrl(roundId)}/assignments.csv";

        var imported = await secretariat.UploadAsync(url, "pairs.csv", file, contentType: "text/csv");
        Assert.Equal(HttpStatusCode.Redirect, imported.Status);
        var page = await secretariat.GetAsync(imported.Location!);

        var report = page.Document.QuerySelector(".notice")?.TextContent ?? "";
        Assert.Contains("1 pairs added, 0 already there, 2 refused.", report);
        Assert.Contains($"Line 3: {entries[1].Reference} / {tomas.Email} is not allowed: a conflict of interest", report);
        Assert.Contains($"Line 4: {call.Code}-9999 / {ana.Email} is not an entry and juror of this round.", report);
        var pair = Assert.Single(await _given.PairsAsync(roundId));
        Assert.Equal((entries[0].Id, ana.Member.Id, AssignmentOrigin.Import, true), (pair.EntryId, pair.JuryMemberId, pair.Origin, pair.Locked));

        var again = await secretariat.UploadAsync(url, "pairs.csv", file, contentType: "text/csv");
        var secondReport = (await secretariat.GetAsync(again.Location!)).Document.QuerySelector(".notice")?.TextContent ?? "";

        Assert.Contains("0 pairs added, 1 already there, 2 refused.", secondReport);
        Assert.Equal([pair.Id], (await _given.PairsAsync(roundId)).Select(p => p.Id));
    }

    [Fact]
    public async Task A_file_without_the_reference_and_juror_email_columns_is_refused_with_a_message()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var ana = await _given.JurorAsync(call, "Ana");
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 1, maxLoad: 4);
        var url = $"{RoundScenario.RoundUrl(roundId)}/assignments.csv";

        var wrong = await secretariat.UploadAsync(url, "pairs.csv", Encoding.UTF8.GetBytes($"entry,email\r\n{entry.Reference},{ana.Email}\r\n"), contentType: "text/csv");
        var refused = await secretariat.GetAsync(wrong.Location!);

        Assert.Equal("The file needs the columns reference and juror_email, as in the downloaded CSV.", RoundScenario.FlashError(refused));
        Assert.Empty(await _given.PairsAsync(roundId));

        var right = await secretariat.UploadAsync(url, "pairs.csv", Encoding.UTF8.GetBytes($"Reference,Juror_Email\r\n{entry.Reference},{ana.Email}\r\n"), contentType: "text/csv");
        Assert.Null(RoundScenario.FlashError(await secretariat.GetAsync(right.Location!)));
        Assert.Single(await _given.PairsAsync(roundId));
    }

    [Fact]
    public async Task Adding_by_hand_a_pair_the_solver_already_made_locks_it_so_it_survives_the_next_computation()
    {
        var call = await _given.CallAsync();
        await _given.EntriesAsync(call, 2);
        foreach (var name in new[] { "Ana", "Ben", "Cleo" }) await _given.JurorAsync(call, name);
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 1, maxLoad: 2);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var made = (await _given.PairsAsync(roundId))[0];
        Assert.False(made.Locked);

        var added = await RoundScenario.ActAsync(secretariat, roundId, "assignments/add", ("EntryId", $"{made.EntryId}"), ("JuryMemberId", $"{made.JuryMemberId}"));

        Assert.Equal("The pair is added and locked.", RoundScenario.Flash(added));
        var pairs = await _given.PairsAsync(roundId);
        Assert.True(Assert.Single(pairs, p => p.EntryId == made.EntryId && p.JuryMemberId == made.JuryMemberId).Locked);
        Assert.Equal(2, pairs.Count);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        Assert.Contains(await _given.PairsAsync(roundId), p => p.Id == made.Id);
    }

    [Fact]
    public async Task Importing_a_pair_the_solver_already_made_locks_it_so_it_survives_the_next_computation()
    {
        var call = await _given.CallAsync();
        await _given.EntriesAsync(call, 2);
        var jurors = new List<TestJurors.TestJuror>();
        foreach (var name in new[] { "Ana", "Ben", "Cleo" }) jurors.Add(await _given.JurorAsync(call, name));
        using var secretariat = await _given.SecretariatAsync();
        var roundId = await RoundScenario.CreateOptimisedRoundAsync(secretariat, call, k: 1, maxLoad: 2);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        var made = (await _given.PairsAsync(roundId))[0];
        Assert.False(made.Locked);
        var reference = await app.WithDbAsync(db => db.Entries.Where(e => e.Id == made.EntryId).Select(e => e.Reference).SingleAsync());
        var email = jurors.Single(j => j.Member.Id == made.JuryMemberId).Email;

        await secretariat.UploadAsync($"/secretariat/rounds/{roundId}/assignments.csv", "pairs.csv",
            Encoding.UTF8.GetBytes($"reference,juror_email\r\n{reference},{email}\r\n"), contentType: "text/csv");

        Assert.True(Assert.Single(await _given.PairsAsync(roundId), p => p.Id == made.Id).Locked);
        await RoundScenario.ActAsync(secretariat, roundId, "compute");
        Assert.Contains(await _given.PairsAsync(roundId), p => p.Id == made.Id);
    }
}
