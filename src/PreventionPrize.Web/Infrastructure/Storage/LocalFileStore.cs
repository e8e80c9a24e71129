namespace PreventionPrize.Web.Infrastructure.Storage;

/// <summary>
/// Files in one folder (<c>Storage:Folder</c>, default <c>App_Data/files</c> under the content root). A save
/// writes to a temporary name and renames it when complete, so a key never names a half-written file. Several
/// instances can share it only if the folder is shared (a network drive); otherwise use <see cref="BlobFileStore"/>.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 81920;

    public LocalFileStore(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = StorageKeys.New();
        var temporary = Path.Combine(Folder, key + ".partial");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                await content.CopyToAsync(file, BufferSize, ct);
            File.Move(temporary, PathOf(key));
            return key;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream> OpenAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public string PathOf(string key) => Path.Combine(Folder, StorageKeys.Checked(key));
}
