using System.Text.RegularExpressions;

namespace PreventionPrize.Web.Infrastructure.Storage;

/// <summary>
/// Files in one folder (<c>Storage:Folder</c>, default <c>App_Data/files</c> under the content root). A save
/// writes to a temporary name and renames it when complete, so a key never names a half-written file.
/// </summary>
public sealed partial class LocalFileStore : IFileStore
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
        var key = Guid.NewGuid().ToString("N");
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

    public Stream Open(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public void Delete(string key) => File.Delete(PathOf(key));

    /// <summary>Keys are our own 32-hex-digit names; anything else is refused before it can name a path.</summary>
    public string PathOf(string key) =>
        KeyPattern().IsMatch(key) ? Path.Combine(Folder, key) : throw new ArgumentException("Not a storage key.", nameof(key));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
