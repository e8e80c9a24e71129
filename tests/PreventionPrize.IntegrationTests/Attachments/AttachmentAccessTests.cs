using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Attachments;

/// <summary>Only the owner changes an entry's files; the owner and the Secretariat read them; everyone else gets 404 or the login page.</summary>
public sealed class AttachmentAccessTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public AttachmentAccessTests(PrizeAppFactory app) => _app = app;

    private async Task<(TestClient Owner, Entry Entry, Attachment File, byte[] Content)> EntryWithFileAsync()
    {
        var (owner, entry) = await _app.ApplicantWithEntryAsync();
        var content = SampleFiles.Pdf(title: "Owner's private report");
        await owner.UploadAsync($"/entries/{entry.Id}/attachments", "private.pdf", content, Supporting);
        var file = await _app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.EntryId == entry.Id));
        return (owner, entry, file, content);
    }

    private static readonly KeyValuePair<string, string>[] Supporting = [new("purpose", "Supporting")];

    public static TheoryData<string> Outsiders => new() { "anonymous", Roles.Applicant, Roles.Juror };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsiders_cannot_list_download_upload_or_delete_someone_elses_files(string role)
    {
        var (_, entry, file, _) = await EntryWithFileAsync();
        using var outsider = role == "anonymous" ? _app.NewClient() : await _app.SignedInAsync(role);
        var url = $"/entries/{entry.Id}/attachments";

        var attempts = new[]
        {
            ("list", await outsider.GetAsync(url)),
            ("download", await outsider.GetAsync($"{url}/{file.Id}")),
            ("upload", await outsider.UploadAsync(url, "intruder.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")])),
            ("delete", await outsider.PostAsync($"{url}/{file.Id}/delete")),
        };

        foreach (var (what, page) in attempts)
        {
            if (role == "anonymous")
            {
                Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/account/login"), $"{what}: {(int)page.Status} {page.Location}");
            }
            else
            {
                Assert.True(page.Status == HttpStatusCode.NotFound, $"{what}: {(int)page.Status} {page.Location}");
            }
            Assert.DoesNotContain("Owner's private report", page.Html);
            Assert.DoesNotContain("private.pdf", page.Html);
        }
        var still = await _app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).ToListAsync());
        Assert.Equal(file.Id, Assert.Single(still).Id);
        Assert.True(File.Exists(Path.Combine(_app.FilesFolder, file.StorageKey)));
    }

    [Fact]
    public async Task The_owner_downloads_as_an_attachment_with_an_encoded_name_nosniff_and_a_sandbox()
    {
        var (owner, entry) = await _app.ApplicantWithEntryAsync();
        var content = SampleFiles.Pdf();
        await owner.UploadAsync($"/entries/{entry.Id}/attachments", "Évaluation été.pdf", content, Supporting);
        var file = await _app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.EntryId == entry.Id));

        var response = (await owner.GetAsync($"/entries/{entry.Id}/attachments/{file.Id}")).Response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Évaluation été.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%C3%89valuation%20%C3%A9t%C3%A9.pdf", string.Join(";", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_Secretariat_downloads_but_cannot_upload_or_delete()
    {
        var (_, entry, file, content) = await EntryWithFileAsync();
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        var url = $"/entries/{entry.Id}/attachments";

        var download = await secretariat.GetAsync($"{url}/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(content, await download.Response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Response.Content.Headers.ContentDisposition!.DispositionType);

        var panel = await secretariat.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, panel.Status);
        Assert.Contains("private.pdf", panel.Text);
        Assert.Empty(panel.Document.QuerySelectorAll("[data-attachments] form"));

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.UploadAsync(url, "x.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostAsync($"{url}/{file.Id}/delete")).Status);
        Assert.Single(await _app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_file_of_another_entry_is_not_reachable_through_ones_own_entry()
    {
        var (_, _, othersFile, _) = await EntryWithFileAsync();
        var (me, mine) = await _app.ApplicantWithEntryAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/entries/{mine.Id}/attachments/{othersFile.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync($"/entries/{mine.Id}/attachments/{othersFile.Id}/delete")).Status);
        Assert.True(await _app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == othersFile.Id)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (owner, entry) = await _app.ApplicantWithEntryAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf()), "file", "report.pdf" }, { new StringContent("Supporting"), "purpose" } };

        var response = await owner.Http.PostAsync($"/entries/{entry.Id}/attachments", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.EntryId == entry.Id)));
    }
}
