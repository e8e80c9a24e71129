using Azure.Storage.Blobs;

namespace PreventionPrize.Web.Infrastructure.Storage;

/// <summary>
/// <c>Storage:Provider</c>: <c>Local</c> (default; <c>Storage:Folder</c>) or <c>AzureBlob</c>
/// (<c>Storage:AzureBlob:ConnectionString</c>, <c>Storage:AzureBlob:Container</c>, created at start-up if missing).
/// </summary>
public static class StorageRegistration
{
    public static IServiceCollection AddPrizeStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Storage:Provider"] is { Length: > 0 } p ? p : "Local";
        if (provider.Equals("AzureBlob", StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration["Storage:AzureBlob:ConnectionString"] is { Length: > 0 } c ? c
                : throw new InvalidOperationException("Storage:Provider=AzureBlob needs Storage:AzureBlob:ConnectionString.");
            var name = configuration["Storage:AzureBlob:Container"] is { Length: > 0 } n ? n : "attachments";
            var store = new BlobFileStore(new BlobContainerClient(connection, name));
            services.AddSingleton<IFileStore>(store);
            services.AddHostedService(_ => new BlobContainerCreation(store));
        }
        else if (provider.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            // Uploaded files live outside the web root, under the content root unless configured elsewhere.
            var folder = configuration["Storage:Folder"] is { Length: > 0 } f ? f : Path.Combine("App_Data", "files");
            services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(environment.ContentRootPath, folder)));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not one of Local, AzureBlob.");
        }
        return services;
    }

    /// <summary>Creates the container before the app serves its first request (hosted services start before the server).</summary>
    private sealed class BlobContainerCreation(BlobFileStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
