using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PreventionPrize.Web.Infrastructure.Backup;

/// <summary>
/// An online backup of the SQLite database and the local file store into an empty folder, safe while the app runs.
/// The database is copied by SQLite's online backup API in one step, which reads a single snapshot: with write-ahead
/// logging the app keeps writing meanwhile, and the copy holds exactly the commits made before it started. The files
/// come after: a file is written (and renamed into place) before the row naming it commits, and never changes after,
/// so every file the snapshot names is already there. Those it names are copied and checked against the SHA-256
/// recorded at upload; other files in the store (uploads still in flight, or orphans) are copied too, marked unreferenced.
/// </summary>
public static class SiteBackup
{
    public static async Task<int> RunAsync(string connectionString, string filesFolder, string target, TextWriter output, TextWriter errors)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            errors.WriteLine($"{target} is not empty: a backup goes into a new or empty folder.");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(target, BackupManifest.FilesFolderName));
        var database = Path.Combine(target, BackupManifest.DatabaseFileName);
        var createdAt = DateTime.UtcNow;
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        BackupCounts counts;
        var referenced = new List<(string Key, long Size, string Sha256)>();
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await copy.OpenAsync();
            await using (var check = copy.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check";
                if (await check.ExecuteScalarAsync() is not "ok")
                {
                    errors.WriteLine("The copied database fails SQLite's integrity check; the backup is not usable.");
                    return 1;
                }
            }
            counts = await BackupManifest.CountAsync(copy);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT StorageKey, Size, Sha256 FROM Attachments ORDER BY StorageKey";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) referenced.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        var files = new List<BackupFile>();
        var missing = new List<string>();
        foreach (var (key, size, sha256) in referenced)
        {
            var source = Path.Combine(filesFolder, key);
            if (!File.Exists(source))
            {
                missing.Add(key);
                continue;
            }
            var copied = await CopyAsync(source, target, key);
            if (copied.Size != size || copied.Sha256 != sha256) errors.WriteLine($"files/{key} does not match the size or SHA-256 recorded at upload (kept as found).");
            files.Add(copied with { Referenced = true });
        }
        var known = referenced.Select(r => r.Key).ToHashSet();
        if (Directory.Exists(filesFolder))
            foreach (var path in Directory.EnumerateFiles(filesFolder).Order())
            {
                var key = Path.GetFileName(path);
                if (known.Contains(key) || key.EndsWith(".partial", StringComparison.Ordinal)) continue;
                files.Add(await CopyAsync(path, target, key));
            }

        var manifest = new BackupManifest(createdAt, BackupManifest.Version, BackupManifest.DatabaseFileName,
            await BackupManifest.Sha256Async(database), counts, files, missing);
        await manifest.WriteAsync(target);
        var problems = await manifest.VerifyAsync(target);
        foreach (var problem in problems) errors.WriteLine(problem);
        foreach (var key in missing) errors.WriteLine($"files/{key} is named by an attachment but absent from the store ({filesFolder}).");

        output.WriteLine($"Backup written to {target} in {clock.Elapsed.TotalSeconds:F1} s: {counts.Entries} entries, {counts.EntryVersions} submitted versions, " +
            $"{counts.Scores} scores, {counts.Attachments} attachments, {counts.Users} accounts; {files.Count} files " +
            $"({files.Sum(f => f.Size):N0} bytes, {files.Count(f => !f.Referenced)} not named by an attachment), {missing.Count} missing.");
        output.WriteLine(problems.Count == 0 ? "Verified: every file matches the manifest's SHA-256." : $"NOT verified: {problems.Count} problems.");
        return problems.Count == 0 && missing.Count == 0 ? 0 : 1;
    }

    /// <summary>Copies through a temporary name, hashing the bytes as they are written.</summary>
    private static async Task<BackupFile> CopyAsync(string source, string target, string key)
    {
        var destination = Path.Combine(target, BackupManifest.FilesFolderName, key);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        long size = 0;
        await using (var input = File.OpenRead(source))
        await using (var output = File.Create(destination + ".partial"))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read));
                size += read;
            }
        }
        File.Move(destination + ".partial", destination);
        return new BackupFile(key, size, Convert.ToHexStringLower(hash.GetHashAndReset()), false);
    }
}
