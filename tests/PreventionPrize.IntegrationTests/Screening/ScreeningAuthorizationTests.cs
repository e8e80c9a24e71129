using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Screening;

/// <summary>
/// The screening pages against a real entry: even its owner cannot read it here or screen it, nor can a juror or
/// a visitor (the generic test in Security/ covers every Secretariat route with made-up ids; this one uses real ones).
/// </summary>
public sealed class ScreeningAuthorizationTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    public static TheoryData<string> Refused => new() { "anonymous", "owner", Roles.Applicant, Roles.Juror };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Nobody_but_the_Secretariat_reaches_a_real_entry_through_screening(string who)
    {
        var owner = await app.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var entry = await new EntryBuilder(app).OwnedBy(owner).SaveAsync();
        var code = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == entry.CallId).Select(c => c.Code).SingleAsync());
        using var client = who switch
        {
            "anonymous" => app.NewClient(),
            "owner" => await SignedInAsAsync(owner.Email!),
            _ => await app.SignedInAsync(who),
        };

        var responses = new[]
        {
            await client.GetAsync($"/secretariat/calls/{code}/entries"),
            await client.GetAsync($"/secretariat/calls/{code}/entries.csv"),
            await client.GetAsync($"/secretariat/entries/{entry.Id}"),
            await client.PostAsync($"/secretariat/entries/{entry.Id}/screen", [new("Decision", "Eligible"), new("Version", "0")]),
        };

        Assert.All(responses, page =>
        {
            Assert.True(page.Status is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{page.Response.RequestMessage!.RequestUri}: {(int)page.Status}");
            Assert.Matches("/account/(login|access-denied)", page.Location ?? "/account/access-denied");
            Assert.DoesNotContain("Connected Youth Association", page.Html);
        });
        Assert.Equal(EntryStatus.Submitted, (await app.WithDbAsync(db => db.Entries.SingleAsync(e => e.Id == entry.Id))).Status);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Subject == $"call:{code}" && a.Action == "entries.exported")));
    }

    [Fact]
    public async Task The_Secretariat_reaches_every_screening_page()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        var code = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == entry.CallId).Select(c => c.Code).SingleAsync());
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/secretariat/calls/{code}/entries")).Status);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/secretariat/calls/{code}/entries.csv")).Status);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/secretariat/entries/{entry.Id}")).Status);
        var screened = await secretariat.SubmitAsync($"/secretariat/entries/{entry.Id}", [new("Decision", "Eligible")], $"form[action='/secretariat/entries/{entry.Id}/screen']");
        Assert.Equal(HttpStatusCode.Redirect, screened.Status);
    }

    private async Task<TestClient> SignedInAsAsync(string email)
    {
        var client = app.NewClient();
        await client.SignInAsync(email);
        return client;
    }
}
