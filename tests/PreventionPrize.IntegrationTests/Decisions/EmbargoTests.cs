using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Features.Decisions;

namespace PreventionPrize.IntegrationTests.Decisions;

/// <summary>
/// Decisions are pending until the release instant, with a moved clock: one second before, nothing anywhere;
/// at the instant, everything at once, and the e-mails once.
/// </summary>
public sealed class EmbargoTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Setup(Call Call, Entry Winner, Entry Private, TestClient WinnerOwner, TestClient Secretariat, DateTime ReleaseAtUtc);

    private async Task<Setup> DecidedAsync()
    {
        var call = await EntryBuilder.CreateCallAsync(_app);
        var round = await _app.OpenRoundForEveryoneAsync(call);
        var winnerOwner = await _app.CreateUserAsync($"winner-{Guid.NewGuid():N}@example.org", Roles.Applicant, language: "fr");
        var winner = await new EntryBuilder(_app).In(call).OwnedBy(winnerOwner).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Jouer sans se perdre"; e.Language = "fr"; e.ContactEmail = e.ContactEmail.Replace("@", "+w@"); e.ConsentToPublication = true; }).SaveAsync();
        var hidden = await new EntryBuilder(_app).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Quiet project"; e.ConsentToPublication = false; }).SaveAsync();
        var juror = await _app.CreateReadyJurorAsync(call, "Anna Keller");
        await _app.WithDbAsync(db =>
        {
            db.Scores.Add(new JurorScore
            {
                RoundId = round.Id, EntryId = winner.Id, JuryMemberId = juror.Member.Id, Status = ScoreStatus.Submitted,
                Feedback = "Une démarche exemplaire avec les jeunes.", UpdatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/decisions/{winner.Id}", [new("Outcome", "FirstPrize"), new("Rationale", "Young people lead it."), new("Version", "0")]);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/decisions/{hidden.Id}", [new("Outcome", "SpecialMention"), new("Rationale", "Careful evaluation."), new("Version", "0")]);
        var releaseLocal = Strasbourg.ToLocal(_app.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        releaseLocal = releaseLocal.AddTicks(-(releaseLocal.Ticks % TimeSpan.TicksPerMinute));
        var set = await secretariat.PostAsync($"/secretariat/calls/{call.Code}/decisions/release", [new("ReleaseAtLocal", releaseLocal.ToString("yyyy-MM-ddTHH:mm"))]);
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        var client = _app.NewClient();
        await client.SignInAsync(winnerOwner.Email!);
        return new Setup(call, winner, hidden, client, secretariat, Strasbourg.ToUtc(releaseLocal));
    }

    private async Task<int> ReleasePassAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResultsRelease>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<string>> ResultMailKeysAsync() =>
        _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("results:")).Select(m => m.IdempotencyKey).ToListAsync());

    private void MoveClockTo(DateTime utc) => _app.Clock.Advance(utc - _app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task One_second_before_the_release_nothing_is_visible_and_at_the_instant_everything_is_once()
    {
        var given = await DecidedAsync();
        MoveClockTo(given.ReleaseAtUtc.AddSeconds(-1));
        await given.WinnerOwner.RenewSessionAsync();

        Assert.Equal(0, await ReleasePassAsync());
        Assert.Empty(await ResultMailKeysAsync());
        var publicPage = await _app.NewClient().GetAsync($"/calls/{given.Call.Code}");
        Assert.DoesNotContain("First prize", publicPage.Text);
        Assert.DoesNotContain("Jouer sans se perdre", publicPage.Text);
        Assert.DoesNotContain("First prize", (await given.WinnerOwner.GetAsync($"/entries/{given.Winner.Id}")).Text);

        MoveClockTo(given.ReleaseAtUtc);
        await given.WinnerOwner.RenewSessionAsync();
        await ReleasePassAsync();
        await ReleasePassAsync();

        var keys = await ResultMailKeysAsync();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Contains(keys, k => k.StartsWith($"results:{given.Winner.Id}:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith($"results:{given.Private.Id}:", StringComparison.Ordinal));
        var mail = await _app.Mail.WaitForMessageTo(given.Winner.ContactEmail);
        Assert.Contains("lauréat", mail.Subject);
        Assert.Contains("prix numéro 1", mail.TextBody);
        Assert.Contains("Une démarche exemplaire avec les jeunes.", mail.TextBody);
        Assert.DoesNotContain("Anna Keller", mail.TextBody);

        publicPage = await _app.NewClient().GetAsync($"/calls/{given.Call.Code}");
        Assert.Contains("First prize: Jouer sans se perdre", publicPage.Text);
        Assert.Contains("Special mention: a project whose team chose not to be published", publicPage.Text);
        Assert.DoesNotContain("Quiet project", publicPage.Text);
        Assert.Contains("First prize", (await given.WinnerOwner.GetAsync($"/entries/{given.Winner.Id}")).Text);
        Assert.Single(await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "results.released").ToListAsync()));
    }

    [Fact]
    public async Task Moving_the_release_instant_moves_everything_and_once_released_nothing_can_change()
    {
        var given = await DecidedAsync();
        var later = Strasbourg.ToLocal(given.ReleaseAtUtc.AddDays(1));
        await given.Secretariat.PostAsync($"/secretariat/calls/{given.Call.Code}/decisions/release", [new("ReleaseAtLocal", later.ToString("yyyy-MM-ddTHH:mm"))]);

        MoveClockTo(given.ReleaseAtUtc.AddMinutes(1));
        Assert.Equal(0, await ReleasePassAsync());
        Assert.DoesNotContain("First prize", (await _app.NewClient().GetAsync($"/calls/{given.Call.Code}")).Text);

        MoveClockTo(Strasbourg.ToUtc(later));
        await ReleasePassAsync();
        Assert.NotEmpty(await ResultMailKeysAsync());

        var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var change = await secretariat.PostAsync($"/secretariat/calls/{given.Call.Code}/decisions/{given.Winner.Id}", [new("Outcome", "Finalist"), new("Version", "1")]);
        Assert.Contains("The results are released", (await secretariat.GetAsync(change.Location!)).Text);
        var move = await secretariat.PostAsync($"/secretariat/calls/{given.Call.Code}/decisions/release",
            [new("ReleaseAtLocal", Strasbourg.ToLocal(Strasbourg.ToUtc(later).AddDays(3)).ToString("yyyy-MM-ddTHH:mm"))]);
        Assert.Contains("The results are released", (await secretariat.GetAsync(move.Location!)).Text);
        Assert.Equal(Core.Decisions.Outcome.FirstPrize, await _app.WithDbAsync(db => db.Decisions.Where(d => d.EntryId == given.Winner.Id).Select(d => d.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task The_Secretariat_previews_the_result_e_mail_in_the_applicants_language_before_the_release()
    {
        var given = await DecidedAsync();
        var preview = await given.Secretariat.GetAsync($"/secretariat/calls/{given.Call.Code}/decisions/{given.Winner.Id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("lauréat", preview.Text);
        Assert.Contains("Une démarche exemplaire avec les jeunes.", preview.Text);
        Assert.Empty(await ResultMailKeysAsync());
    }

    [Fact]
    public async Task The_certificate_is_the_Secretariats_before_the_release_and_the_teams_from_the_release_in_either_language()
    {
        var given = await DecidedAsync();
        var url = $"/certificates/{given.Winner.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await given.WinnerOwner.GetAsync($"{url}/en")).Status);
        var draft = await given.Secretariat.GetAsync($"{url}/fr");
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        Assert.Contains("Le jury décerne", draft.Text);
        Assert.Contains("Premier prix", draft.Text);

        MoveClockTo(given.ReleaseAtUtc);
        await given.WinnerOwner.RenewSessionAsync();
        var english = await given.WinnerOwner.GetAsync($"{url}/en");
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("The jury awards", english.Text);
        Assert.Contains("First prize", english.Text);
        Assert.Contains("Jouer sans se perdre", english.Text);
        var stranger = await _app.SignedInAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{url}/en")).Status);
    }

    [Fact]
    public async Task The_Secretariat_previews_a_winners_public_page_before_the_release_and_nobody_else_sees_it()
    {
        var given = await DecidedAsync();
        var page = $"/winners/{given.Winner.Reference}";
        var preview = await given.Secretariat.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Preview for the Secretariat", preview.Text);
        Assert.Contains("Jouer sans se perdre", preview.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await given.WinnerOwner.GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await given.Secretariat.GetAsync($"/winners/{given.Private.Reference}")).Status);

        MoveClockTo(given.ReleaseAtUtc);
        var live = await _app.NewClient().GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.DoesNotContain("Preview for the Secretariat", live.Text);
    }
}
