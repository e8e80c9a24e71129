using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.IntegrationTests.Privacy;

public sealed class ExportTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task The_download_holds_the_persons_own_data_and_nobody_elses()
    {
        var given = await PrivacyScenario.CreateAsync(app);
        using var alice = app.NewClient();
        await alice.SignInAsync(given.AliceUser.Email!);

        var page = await alice.GetAsync("/account/data");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/data.json']"));
        Assert.NotNull(page.Document.QuerySelector("footer a[href='/account/data']"));

        var response = await alice.Http.GetAsync("/account/data.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);

        Assert.Contains(given.KeptTitle, json);
        Assert.Contains($"contact.{given.Alice}@example.org", json);
        Assert.Contains($"Member {given.Alice}", json);
        Assert.Contains($"cv-{given.Alice}.pdf", json);
        Assert.Contains($"Draft summary {given.Alice}", json);
        Assert.Contains($"Organisation {given.Alice}", json);
        Assert.Contains($"Cousin of {given.Alice}", json);
        Assert.Contains(given.Comment, json);
        Assert.Contains($"\"entry\": \"{given.BobEntry.Reference}\"", json);
        Assert.Equal(2, document.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, document.RootElement.GetProperty("emails").GetArrayLength()); // the two to her address; the contact's is another address
        Assert.DoesNotContain($"Dear Juror {given.Alice}", json); // what was sent is listed, not its text
        Assert.DoesNotContain("%PDF", json);

        // Nobody else: not Bob's entry (she saw it blind), not Carol's name or comment, not the rule's reason naming Bob's contact.
        Assert.DoesNotContain(given.Others, json, StringComparison.OrdinalIgnoreCase);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == given.AliceUser.Id));
        Assert.DoesNotContain(user.PasswordHash!, json);
        Assert.DoesNotContain(user.SecurityStamp!, json);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);

        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == "account.data-exported").ToListAsync());
        var exported = Assert.Single(audit, a => a.ActorId == given.AliceUser.Id);
        Assert.Equal($"user:{given.AliceUser.Id}", exported.Subject);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_the_sign_in_page()
    {
        using var visitor = app.NewClient();
        var response = await visitor.Http.GetAsync("/account/data.json");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }
}
