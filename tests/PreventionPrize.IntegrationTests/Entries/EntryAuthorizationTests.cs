using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Entries;

/// <summary>Nobody but the owner reaches an entry through the applicant pages: another applicant, a juror and a visitor get nothing.</summary>
public sealed class EntryAuthorizationTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;
    private readonly EntryScenario _given;

    public EntryAuthorizationTests(PrizeAppFactory app)
    {
        _app = app;
        _given = new EntryScenario(app);
    }

    public static TheoryData<string> Intruders => new() { "anonymous", Roles.Applicant, Roles.Juror };

    [Theory]
    [MemberData(nameof(Intruders))]
    public async Task Someone_elses_entry_cannot_be_read_changed_submitted_or_withdrawn(string intruder)
    {
        var call = await _given.OpenCallAsync();
        var (owner, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(owner, call);
        await owner.SubmitAsync($"/entries/{id}/edit", [new("Title", "Secret project title"), new("OrganisationName", "Secret Org")], "form.entry-form");
        using var other = intruder == "anonymous" ? _app.NewClient() : await _app.SignedInAsync(intruder);
        var version = (await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id))).Version.ToString();

        var answers = new List<Page>
        {
            await other.GetAsync($"/entries/{id}"),
            await other.GetAsync($"/entries/{id}/edit"),
            await other.GetAsync($"/entries/{id}/withdraw"),
            await other.PostAsync($"/entries/{id}", [new("Version", version), new("Title", "Hijacked")]),
            await other.PostAsync($"/entries/{id}/autosave", [new("Version", version), new("Title", "Hijacked")]),
            await other.PostAsync($"/entries/{id}/submit", [.. EntryScenario.Complete("Hijacked"), new("Version", version), new("SubmissionKey", Guid.NewGuid().ToString())]),
            await other.PostAsync($"/entries/{id}/withdraw"),
        };

        foreach (var answer in answers)
        {
            var refused = intruder == "anonymous"
                ? answer.Status == HttpStatusCode.Redirect && answer.Location!.Contains("/account/login")
                : answer.Status == HttpStatusCode.NotFound;
            Assert.True(refused, $"{answer.Response.RequestMessage!.Method} {answer.Response.RequestMessage.RequestUri} as {intruder}: {(int)answer.Status}");
            Assert.DoesNotContain("Secret project title", answer.Html);
            Assert.DoesNotContain("Secret Org", answer.Html);
        }
        var entry = await _app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == id));
        Assert.Equal("Secret project title", entry.Title);
        Assert.Equal(Core.Entries.EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public async Task The_list_of_entries_shows_only_ones_own()
    {
        var call = await _given.OpenCallAsync();
        var (owner, _) = await _given.ApplicantAsync();
        var id = await EntryScenario.StartAsync(owner, call);
        await owner.SubmitAsync($"/entries/{id}/edit", [new("Title", "Mine only")], "form.entry-form");
        var (other, _) = await _given.ApplicantAsync();

        Assert.Contains("Mine only", (await owner.GetAsync("/entries")).Html);
        Assert.DoesNotContain("Mine only", (await other.GetAsync("/entries")).Html);
    }
}
