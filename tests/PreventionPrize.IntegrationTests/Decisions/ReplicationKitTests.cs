using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Decisions;

/// <summary>The winning team writes its replication kit after the release; the Secretariat translates and approves it.</summary>
public sealed class ReplicationKitTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private async Task<(Entry Entry, TestClient Team, Core.Calls.Call Call)> DistinguishedAsync(Outcome outcome, TimeSpan releaseFromNow)
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var owner = await app.CreateUserAsync($"team-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var entry = await new EntryBuilder(app).In(call).OwnedBy(owner).WithStatus(EntryStatus.Eligible).SaveAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.Decisions.Add(new Decision { CallId = call.Id, EntryId = entry.Id, Outcome = outcome, Rationale = "Exemplary.", DecidedAtUtc = now });
            await db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResultsReleaseAtUtc, now + releaseFromNow));
            return await db.SaveChangesAsync();
        });
        var team = app.NewClient();
        await team.SignInAsync(owner.Email!);
        return (entry, team, call);
    }

    private static IEnumerable<KeyValuePair<string, string>> AllSections(string language, string text) =>
        ReplicationKit.Sections.Select(s => new KeyValuePair<string, string>($"{language}.{s}", $"{text} ({s})"));

    [Fact]
    public async Task The_team_writes_its_kit_after_the_release_and_the_Secretariat_translates_and_approves_it()
    {
        var (entry, team, _) = await DistinguishedAsync(Outcome.FirstPrize, TimeSpan.FromHours(1));
        var url = $"/entries/{entry.Id}/kit";
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(url)).Status);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await team.RenewSessionAsync();

        var draft = await team.SubmitAsync(url, [new("Fr.NeedsAssessment", "Les jeunes jouaient seuls la nuit."), new("Submit", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var incomplete = await team.SubmitAsync(url, [new("Submit", "true")]);
        Assert.Contains(incomplete.Errors, e => e.Contains("Fill every section in at least one language"));
        Assert.Equal("Les jeunes jouaient seuls la nuit.", incomplete.ValueOf("Fr.NeedsAssessment"));
        var sent = await team.SubmitAsync(url, [.. AllSections("Fr", "Texte"), new("Submit", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        var publicPage = $"/winners/{entry.Reference}";
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(publicPage)).Status);
        Assert.DoesNotContain("Texte (Contact)", (await app.NewClient().GetAsync(publicPage)).Text);

        var secretariat = await app.SignedInAsync(Roles.Secretariat);
        var review = $"/secretariat/kits/{entry.Id}";
        var tooSoon = await secretariat.SubmitAsync(review, [new("Approve", "true")]);
        Assert.Contains(tooSoon.Errors, e => e.Contains("both languages"));
        var approved = await secretariat.SubmitAsync(review, [.. AllSections("En", "Text"), new("EnIsTranslation", "true"), new("Approve", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        var kit = await app.WithDbAsync(db => db.ReplicationKits.AsNoTracking().SingleAsync(k => k.EntryId == entry.Id));
        Assert.Equal(KitStatus.Approved, kit.Status);
        Assert.True(kit.EnIsTranslation);
        Assert.False(kit.FrIsTranslation);
        Assert.Equal("Text (Contact)", kit.En.Contact);
        Assert.Contains("The Secretariat approved this kit", (await team.GetAsync(url)).Text);
        var english = await app.NewClient().GetAsync(publicPage);
        Assert.Contains("Text (Contact)", english.Text);
        Assert.Contains("This text is a translation by the Secretariat", english.Text);
        var french = app.NewClient();
        await french.SwitchLanguageAsync("fr");
        var frenchPage = await french.GetAsync(publicPage);
        Assert.Contains("Texte (Contact)", frenchPage.Text);
        Assert.DoesNotContain("traduction du Secrétariat", frenchPage.Text);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"entry:{entry.Id}").Select(a => a.Action).ToListAsync()), a => a == "kit.approved");
    }

    [Fact]
    public async Task A_finalist_has_no_kit_and_nobody_else_reaches_a_winners_kit()
    {
        var (finalist, finalistTeam, _) = await DistinguishedAsync(Outcome.Finalist, TimeSpan.FromMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await finalistTeam.GetAsync($"/entries/{finalist.Id}/kit")).Status);
        var (winner, winnerTeam, _) = await DistinguishedAsync(Outcome.SpecialMention, TimeSpan.FromMinutes(-1));
        Assert.Equal(HttpStatusCode.OK, (await winnerTeam.GetAsync($"/entries/{winner.Id}/kit")).Status);
        var stranger = await app.SignedInAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/entries/{winner.Id}/kit")).Status);
    }
}
