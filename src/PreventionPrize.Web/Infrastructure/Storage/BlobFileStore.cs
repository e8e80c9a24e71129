using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PreventionPrize.Web.Infrastructure.Storage;

/// <summary>
/// Files as block blobs in one Azure Blob Storage container (<c>Storage:AzureBlob:*</c>), shared by every app
/// instance. A blob is committed only when its upload completes, so a failed save (reading failed, the file was too
/// large) leaves nothing under its key; a save never overwrites (If-None-Match: *).
/// </summary>
public sealed class BlobFileStore(BlobContainerClient container) : IFileStore
{
    public BlobContainerClient Container => container;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = StorageKeys.New();
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await Blob(key).UploadAsync(content, options, ct);
        return key;
    }

    public async Task<Stream> OpenAsync(string key, CancellationToken ct)
    {
        try
        {
            // One request; the body streams to the reader as it is read (resumed by the SDK if the connection drops).
            return (await Blob(key).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"No blob {key} in container {container.Name}.", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) => Blob(key).DeleteIfExistsAsync(cancellationToken: ct);

    private BlobClient Blob(string key) => container.GetBlobClient(StorageKeys.Checked(key));
}
