using Microsoft.Data.Sqlite;

namespace PreventionPrize.Web.Infrastructure.Backup;

/// <summary>
/// Puts a backup made by <see cref="SiteBackup"/> where the app's configuration says the database and the files live,
/// after checking every byte against the manifest. It only fills an empty place: it never overwrites a database or
/// mixes files into a store that holds some. The app then starts as usual (and applies newer migrations, if any).
/// </summary>
public static class SiteRestore
{
    public static async Task<int> RunAsync(string backupFolder, string connectionString, string filesFolder, TextWriter output, TextWriter errors)
    {
        backupFolder = Path.GetFullPath(backupFolder);
        if (!File.Exists(Path.Combine(backupFolder, BackupManifest.FileName)))
        {
            errors.WriteLine($"{backupFolder} holds no {BackupManifest.FileName}: not a backup made by the backup verb.");
            return 2;
        }
        var manifest = await BackupManifest.ReadAsync(backupFolder);
        var problems = await manifest.VerifyAsync(backupFolder);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) errors.WriteLine(problem);
            errors.WriteLine("The backup is damaged; nothing was restored.");
            return 1;
        }

        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (new[] { database, database + "-wal" }.Any(path => File.Exists(path) && new FileInfo(path).Length > 0))
        {
            errors.WriteLine($"{database} already holds a database: restore into a new place (set ConnectionStrings:Sqlite), or move it away first.");
            return 2;
        }
        if (Directory.Exists(filesFolder) && Directory.EnumerateFileSystemEntries(filesFolder).Any())
        {
            errors.WriteLine($"{filesFolder} is not empty: restore into a new place (set Storage:Folder), or move its files away first.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        Directory.CreateDirectory(filesFolder);
        foreach (var stale in new[] { database, database + "-wal", database + "-shm" }) File.Delete(stale);
        foreach (var file in manifest.Files)
            File.Copy(Path.Combine(backupFolder, BackupManifest.FilesFolderName, file.Key), Path.Combine(filesFolder, file.Key));
        // The database last, through a temporary name: an app started too early finds no half-copied database.
        File.Copy(Path.Combine(backupFolder, manifest.Database), database + ".restoring");
        File.Move(database + ".restoring", database);

        BackupCounts counts;
        await using (var restored = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await restored.OpenAsync();
            counts = await BackupManifest.CountAsync(restored);
        }
        if (counts != manifest.Counts)
        {
            errors.WriteLine($"The restored database counts {counts}, the manifest {manifest.Counts}.");
            return 1;
        }
        output.WriteLine($"Restored the backup of {manifest.CreatedAtUtc:u} (version {manifest.AppVersion}) to {database} and {filesFolder}: " +
            $"{counts.Entries} entries, {counts.Scores} scores, {counts.Attachments} attachments, {manifest.Files.Count} files, all verified.");
        if (manifest.Missing.Count > 0)
            output.WriteLine($"The backup itself lacked {manifest.Missing.Count} files the database names (they were missing when it was made): {string.Join(", ", manifest.Missing)}.");
        return 0;
    }
}
