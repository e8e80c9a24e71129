using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Scoring;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// Scoring in a real browser: a juror on a phone, reading in French, scores two entries against the rubric; the
/// Secretariat closes the round and reads the results. axe-core checks every page in the language it is read in.
/// </summary>
public sealed class ScoringJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_juror_scores_two_entries_on_a_phone_in_french_and_the_Secretariat_closes_the_round_and_reads_the_results()
    {
        var call = await EntryBuilder.CreateCallAsync(host.App);
        var round = await host.App.OpenRoundForEveryoneAsync(call);
        var first = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).With(e => e.Title = "Jouer sans se perdre").SaveAsync();
        var second = await new EntryBuilder(host.App).In(call).WithStatus(EntryStatus.Eligible).With(e => e.Title = "Écrans en famille").SaveAsync();
        var juror = await host.App.CreateReadyJurorAsync(call, "Léa Moreau");
        var colleague = await host.App.CreateReadyJurorAsync(call, "Jonas Berg");
        await ScoreDirectlyAsync(round.Id, colleague.Member.Id, first.Id, 3);
        await ScoreDirectlyAsync(round.Id, colleague.Member.Id, second.Id, 4);

        var phone = await host.NewPageAsync("fr-FR", new() { Width = 390, Height = 844 });
        await host.SignInAsync(phone, juror.Email);
        await phone.GotoAsync($"{host.BaseUrl}/jury/{call.Code}");
        await Assertions.Expect(phone.GetByText("0 sur 2 notées")).ToBeVisibleAsync();
        foreach (var (entry, level) in new[] { (first, 4), (second, 2) })
        {
            await phone.GetByRole(AriaRole.Link, new() { Name = $"{entry.Reference} — {entry.Title}" }).ClickAsync();
            await phone.GetByRole(AriaRole.Button, new() { Name = "Je n'ai aucun conflit avec cette candidature" }).ClickAsync();
            await phone.GetByRole(AriaRole.Link, new() { Name = "Noter cette candidature" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = $"Noter {entry.Reference}" })).ToBeVisibleAsync();
            if (entry == first)
            {
                await AssertNoSeriousViolationsAsync(phone);
                // Submitting with nothing chosen names the first criterion, and keeps the page.
                await phone.GetByRole(AriaRole.Button, new() { Name = "Soumettre mes notes" }).ClickAsync();
                await Assertions.Expect(phone.Locator(".error-summary")).ToContainTextAsync("Innovation dans le monde numérique : choisissez une note avant de soumettre.");
            }
            foreach (var group in await phone.Locator("fieldset.criterion").AllAsync())
                await group.GetByRole(AriaRole.Radio).Nth(level - 1).CheckAsync();
            await phone.GetByLabel("Retour pour le candidat (facultatif)").FillAsync("Un projet clair et utile.");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Soumettre mes notes" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Vos notes sont soumises.");
        }
        await Assertions.Expect(phone.GetByText("2 sur 2 notées")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(phone);
        await ScreenshotAsync(phone, "juror-dashboard-scored-phone");

        var secretariatEmail = $"secretariat-{Guid.NewGuid():N}@example.org";
        await host.App.CreateUserAsync(secretariatEmail, Roles.Secretariat);
        var desk = await host.NewPageAsync();
        await host.SignInAsync(desk, secretariatEmail);
        await desk.GotoAsync($"{host.BaseUrl}/secretariat/rounds/{round.Id}/monitor");
        await Assertions.Expect(desk.GetByText("4 of 4")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("The round is closed");
        await desk.GotoAsync($"{host.BaseUrl}/secretariat/rounds/{round.Id}/results");
        var ranking = desk.GetByRole(AriaRole.Table, new() { Name = "Entries by raw rank" });
        await Assertions.Expect(ranking.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(first.Reference!);
        await Assertions.Expect(desk.GetByRole(AriaRole.Img, new() { Name = "How often each entry is in the top 3 when jurors are resampled" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(desk);
        await ScreenshotAsync(desk, "round-results");

        await desk.GotoAsync($"{host.BaseUrl}/secretariat/calls/{call.Code}/decisions");
        await desk.GetByLabel("Outcome").First.SelectOptionAsync("FirstPrize");
        await desk.GetByLabel("The jury's rationale").First.FillAsync("Young people lead it from start to finish.");
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Record the decision {first.Reference}" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("The decision is recorded");
        await AssertNoSeriousViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Lire ce site en français" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "L'annonce" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(desk);

        await desk.GetByRole(AriaRole.Link, new() { Name = "Le rapport du jury" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Décisions et motivation du jury" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(desk);
        await ScreenshotAsync(desk, "jury-report-fr");
        await desk.GotoAsync($"{host.BaseUrl}/certificates/{first.Id}/fr");
        await Assertions.Expect(desk.GetByText("Premier prix")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(desk);
        await ScreenshotAsync(desk, "certificate-fr");
    }

    private Task ScoreDirectlyAsync(int roundId, int memberId, int entryId, int value) =>
        host.App.WithDbAsync(async db =>
        {
            var criteria = db.Criteria.Where(c => c.RoundId == roundId).Select(c => c.Id).ToList();
            db.Scores.Add(new JurorScore
            {
                RoundId = roundId, EntryId = entryId, JuryMemberId = memberId, Status = ScoreStatus.Submitted,
                Values = criteria.Select(id => new CriterionValue { CriterionId = id, Value = value }).ToList(),
                UpdatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}
