using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Attachments;

/// <summary>What is kept of an upload and shown back: cleaned names, generated storage names, metadata warnings, the panel.</summary>
public sealed class StoredFileTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public StoredFileTests(PrizeAppFactory app) => _app = app;

    private static string Url(Entry entry) => $"/entries/{entry.Id}/attachments";

    private static readonly KeyValuePair<string, string>[] Supporting = [new("purpose", "Supporting")];

    private Task<List<Attachment>> AttachmentsOf(Entry entry) =>
        _app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).OrderBy(a => a.UploadedAtUtc).ToListAsync());

    public static TheoryData<string, string> HostileNames() => new()
    {
        { "../../etc/passwd.pdf", "passwd.pdf" },
        { "..\\..\\win.ini.pdf", "win.ini.pdf" },
        { "C:\\Users\\lea\\Documents\\rapport.pdf", "rapport.pdf" },
        { "evil\0name.pdf", "evilname.pdf" },
        { "photo\u202Efdp.exe", "photofdp.exe.pdf" },
        { "rapport\u202Egnp.pdf", "rapportgnp.pdf" },
        { "line\r\nbreak.pdf", "linebreak.pdf" },
        { "<script>alert(1)</script>.pdf", "script>.pdf" },
        { "<img src=x onerror=alert(1)>.pdf", "<img src=x onerror=alert(1)>.pdf" },
        { "../../", "attachment.pdf" },
        { "Évaluation été 2025.PDF", "Évaluation été 2025.pdf" },
        { new string('é', 300) + ".pdf", new string('é', 116) + ".pdf" },
        { string.Concat(Enumerable.Repeat("📄", 100)) + ".pdf", string.Concat(Enumerable.Repeat("📄", 58)) + ".pdf" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Hostile_file_names_are_stored_cleaned(string sent, string expected)
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        var page = await client.UploadAsync(Url(entry), sent, SampleFiles.Pdf(), Supporting);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var stored = Assert.Single(await AttachmentsOf(entry));
        Assert.Equal(expected, stored.OriginalName);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageKey);
    }

    [Fact]
    public async Task The_file_on_disk_is_outside_the_web_root_and_not_named_after_the_upload()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        await client.UploadAsync(Url(entry), "../../wwwroot/js/passwd.pdf", SampleFiles.Pdf(), Supporting);

        var stored = Assert.Single(await AttachmentsOf(entry));
        var path = Path.GetFullPath(Path.Combine(_app.FilesFolder, stored.StorageKey));
        Assert.True(File.Exists(path));
        Assert.DoesNotContain("passwd", path);
        var webRoot = Path.GetFullPath(_app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath);
        Assert.False(path.StartsWith(webRoot, StringComparison.Ordinal), $"{path} is under {webRoot}");
        Assert.False(File.Exists(Path.Combine(webRoot, "js", "passwd.pdf")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/" + stored.StorageKey)).Status);
    }

    public static TheoryData<string?, string?, string?> Metadata() => new()
    {
        { "Léa Dupont", null, "Author:name" },
        { "LEA DUPONT", null, "Author:name" },
        { "Jane Smith", null, "Author:author" },
        { null, "Rapport annuel — Association Horizon Jeunesse", "Title:name" },
        { null, "Annual report", null },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public async Task A_pdf_whose_metadata_names_the_team_or_an_author_is_flagged(string? author, string? title, string? warning)
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(author, title, filler: 200_000), Supporting);

        Assert.Equal(warning, Assert.Single(await AttachmentsOf(entry)).MetadataWarning);
    }

    [Fact]
    public async Task The_panel_tells_the_applicant_which_field_names_the_team()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(author: "Camille Martin"), Supporting);

        var panel = await client.GetAsync(Url(entry));

        Assert.Equal(HttpStatusCode.OK, panel.Status);
        Assert.Contains("The document's properties (Author) name your organisation or a team member.", panel.Text);
        Assert.Contains("report.pdf", panel.Text);
        Assert.Contains("Up to 5 files, at most 10 MB each, in these formats: PDF, PNG, JPEG.", panel.Text);
        Assert.Contains("report.pdf · PDF · 1 KB · Supporting document", panel.Text);
        Assert.NotNull(panel.Document.QuerySelector($"form[action='/entries/{entry.Id}/attachments'][enctype='multipart/form-data'] input[type=file][accept]"));
    }

    [Fact]
    public async Task The_panel_reads_in_French_with_French_units()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(call => call.EntryRules.MaxAttachmentMegabytes = 20);
        await client.SwitchLanguageAsync("fr");
        await client.UploadAsync(Url(entry), "rapport.pdf", SampleFiles.Pdf(author: "Quelqu'un", filler: 1_300_000), Supporting);

        var panel = await client.GetAsync(Url(entry));

        Assert.Contains("Jusqu'à 5 fichiers, 20 Mo au plus chacun, dans ces formats : PDF, PNG, JPEG.", panel.Text);
        Assert.Contains("rapport.pdf · PDF · 1,2 Mo · Document à l'appui", panel.Text);
        Assert.Contains("Les propriétés du document indiquent un auteur (Auteur).", panel.Text);
        Assert.Contains("Fichiers ajoutés : 1 sur 5.", panel.Text);
    }

    [Fact]
    public async Task A_name_with_markup_is_shown_as_text()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        await client.UploadAsync(Url(entry), "<img src=x onerror=alert(1)>.pdf", SampleFiles.Pdf(), Supporting);

        var panel = await client.GetAsync(Url(entry));

        Assert.Contains("<img src=x onerror=alert(1)>.pdf", panel.Text);
        Assert.DoesNotContain("<img src=x", panel.Html);
        Assert.Null(panel.Document.QuerySelector("img"));
    }
}
