using System.Net;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.IntegrationTests.Storage;

/// <summary>The app configured with <c>Storage:Provider=AzureBlob</c> keeps attachments in the container, on Azurite.</summary>
public sealed class BlobAttachmentTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task An_attachment_uploaded_over_HTTP_is_a_blob_and_downloads_back_byte_for_byte()
    {
        var container = "attachments-" + Guid.NewGuid().ToString("N");
        await using var app = new PrizeAppFactory();
        app.Settings["Storage:Provider"] = "AzureBlob";
        app.Settings["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString;
        app.Settings["Storage:AzureBlob:Container"] = container; // created by the app at start-up
        var (client, entry) = await app.ApplicantWithEntryAsync(call => call.EntryRules.MaxAttachmentMegabytes = 1);
        var pdf = SampleFiles.PdfOfSize(900 * 1024);

        var upload = await client.UploadAsync($"/entries/{entry.Id}/attachments", "report.pdf", pdf, [new("purpose", "Supporting")]);
        var tooBig = await client.UploadAsync($"/entries/{entry.Id}/attachments", "big.pdf", SampleFiles.PdfOfSize(1024 * 1024 + 1), [new("purpose", "Supporting")]);

        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        Assert.Equal(HttpStatusCode.Redirect, tooBig.Status);
        var stored = Assert.Single(await app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).ToListAsync()));
        var blobs = new List<string>();
        await foreach (var blob in new BlobContainerClient(azurite.ConnectionString, container).GetBlobsAsync()) blobs.Add(blob.Name);
        Assert.Equal([stored.StorageKey], blobs);
        Assert.False(Directory.Exists(app.FilesFolder) && Directory.EnumerateFiles(app.FilesFolder).Any());

        var download = await client.Http.GetAsync($"/entries/{entry.Id}/attachments/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        await client.PostAsync($"/entries/{entry.Id}/attachments/{stored.Id}/delete");
        await foreach (var blob in new BlobContainerClient(azurite.ConnectionString, container).GetBlobsAsync())
            Assert.Fail($"{blob.Name} is still in the container");
    }
}
