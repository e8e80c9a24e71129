using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PreventionPrize.Web.Infrastructure.Backup;

/// <summary>
/// <c>manifest.json</c> in a backup folder: when and by which version it was made, what the database held, and the
/// SHA-256 of every file, so that a restore (or anyone with <c>sha256sum</c>) can tell a whole backup from a damaged one.
/// </summary>
public sealed record BackupManifest(
    DateTime CreatedAtUtc, string AppVersion, string Database, string DatabaseSha256, BackupCounts Counts,
    List<BackupFile> Files, List<string> Missing)
{
    public const string FileName = "manifest.json";
    public const string DatabaseFileName = "prize.db";
    public const string FilesFolderName = "files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Version =>
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task WriteAsync(string folder) =>
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static async Task<BackupManifest> ReadAsync(string folder) =>
        JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidDataException($"{FileName} is empty");

    /// <summary>Every difference between the folder's bytes and the manifest; empty when the backup is whole.</summary>
    public async Task<List<string>> VerifyAsync(string folder)
    {
        var problems = new List<string>();
        var database = Path.Combine(folder, Database);
        if (!File.Exists(database)) problems.Add($"{Database} is missing");
        else if (await Sha256Async(database) != DatabaseSha256) problems.Add($"{Database} does not match its SHA-256");
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, FilesFolderName, file.Key);
            if (!File.Exists(path)) problems.Add($"files/{file.Key} is missing");
            else if (new FileInfo(path).Length != file.Size || await Sha256Async(path) != file.Sha256) problems.Add($"files/{file.Key} does not match its size or SHA-256");
        }
        return problems;
    }

    public static async Task<string> Sha256Async(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }

    /// <summary>Counts read from a SQLite file (the snapshot, or a restored database), in one read transaction.</summary>
    public static async Task<BackupCounts> CountAsync(SqliteConnection connection)
    {
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return new BackupCounts(await Count("Calls"), await Count("Entries"), await Count("EntryVersions"), await Count("Scores"),
            await Count("Attachments"), await Count("AspNetUsers"), await Count("AuditEvents"));
    }
}

public sealed record BackupCounts(long Calls, long Entries, long EntryVersions, long Scores, long Attachments, long Users, long AuditEvents);

/// <summary>A stored file: its key (its name in the store), size and SHA-256; <c>Referenced</c> when an attachment row names it.</summary>
public sealed record BackupFile(string Key, long Size, string Sha256, bool Referenced);
