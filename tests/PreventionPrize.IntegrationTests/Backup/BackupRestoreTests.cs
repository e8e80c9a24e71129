using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.IntegrationTests.Scoring;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.IntegrationTests.Backup;

/// <summary>
/// The backup verb run as a real process (as cron would) against a running app's database and files while a writer
/// keeps adding entries and files, then the restore verb into a new place, and a second app started on what it restored.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_app_writes_restores_into_an_app_with_the_same_entries_scores_and_files()
    {
        await using var source = new PrizeAppFactory();
        var given = new ScoringScenario(source);
        var (call, round) = await given.RoundAsync();
        var first = await given.EntryAsync(call);
        var second = await given.EntryAsync(call);
        await AttachAsync(source, first, RandomNumberGenerator.GetBytes(300_000));
        await AttachAsync(source, second, RandomNumberGenerator.GetBytes(70_000));
        var (_, juror) = await given.JurorAsync(call);
        await ScoringScenario.ConfirmAsync(juror, call, first, second);
        await ScoringScenario.SubmitAllAsync(juror, call, first, 4);
        await ScoringScenario.SubmitAllAsync(juror, call, second, 2);
        await source.CreateUserAsync("chief@coe.example", Roles.Secretariat);
        var scoresBefore = await ScoresAsync(source);
        Assert.Equal(2, scoresBefore.Count);

        var writer = new Writer(source, call);
        var writing = writer.RunAsync();
        await writer.WaitForWritesAsync(1);
        var backup = Path.Combine(Path.GetTempPath(), "pp-backup-" + Guid.NewGuid().ToString("N"));
        var written = writer.Writes;
        var (backedUp, backupOutput) = await RunVerbAsync(source.DatabasePath, source.FilesFolder, "backup", "--to", backup);
        Assert.True(writer.Writes > written, "the writer must have written while the backup ran");
        await writer.WaitForWritesAsync(writer.Writes + 1); // at least one write after the snapshot, which the restore must not hold
        await writer.StopAsync(writing);
        Assert.True(backedUp == 0, backupOutput);
        Assert.Contains("Verified: every file matches the manifest's SHA-256.", backupOutput);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json")));
        var counts = manifest.RootElement.GetProperty("counts");
        await using var restored = new PrizeAppFactory();
        var (restoredCode, restoreOutput) = await RunVerbAsync(restored.DatabasePath, restored.FilesFolder, "restore", "--from", backup);
        Assert.True(restoredCode == 0, restoreOutput);
        var (again, againOutput) = await RunVerbAsync(restored.DatabasePath, restored.FilesFolder, "restore", "--from", backup);
        Assert.Equal(2, again);
        Assert.Contains("already holds a database", againOutput);

        var sourceEntries = await EntriesAsync(source);
        var restoredEntries = await EntriesAsync(restored);
        Assert.Equal(counts.GetProperty("entries").GetInt64(), restoredEntries.Count);
        Assert.True(restoredEntries.Count > 2, "entries the writer added before the snapshot are in the backup");
        Assert.True(sourceEntries.Count > restoredEntries.Count, "entries added after the snapshot are not");
        Assert.Equal(sourceEntries.Take(restoredEntries.Count), restoredEntries);
        Assert.Equal(scoresBefore, await ScoresAsync(restored));
        Assert.Equal(round.Id, await restored.WithDbAsync(db => db.Rounds.Select(r => r.Id).SingleAsync()));

        // Every file the restored database names, downloaded from the restored app by the Secretariat account made
        // before the backup: the same bytes as the source's store, and the SHA-256 recorded at upload.
        var attachments = await restored.WithDbAsync(db => db.Attachments.AsNoTracking().OrderBy(a => a.EntryId).ToListAsync());
        Assert.Equal(counts.GetProperty("attachments").GetInt64(), attachments.Count);
        Assert.True(attachments.Count > 2);
        var secretariat = restored.NewClient();
        await secretariat.SignInAsync("chief@coe.example");
        foreach (var attachment in attachments)
        {
            var response = await secretariat.Http.GetAsync($"/entries/{attachment.EntryId}/attachments/{attachment.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(source.FilesFolder, attachment.StorageKey)), bytes);
        }
        Directory.Delete(backup, recursive: true);
    }

    [Fact]
    public async Task The_backup_refuses_a_folder_that_holds_something()
    {
        await using var app = new PrizeAppFactory();
        await app.WithDbAsync(db => db.Calls.CountAsync());
        var backup = Directory.CreateTempSubdirectory("pp-backup-").FullName;
        await File.WriteAllTextAsync(Path.Combine(backup, "notes.txt"), "last week's backup");

        var (code, output) = await RunVerbAsync(app.DatabasePath, app.FilesFolder, "backup", "--to", backup);

        Assert.Equal(2, code);
        Assert.Contains("is not empty", output);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(backup).Select(Path.GetFileName));
    }

    [Fact]
    public async Task On_SQL_Server_the_verb_says_to_use_the_platforms_backup_instead_of_pretending()
    {
        var folder = Directory.CreateTempSubdirectory("pp-backup-").FullName;
        var (code, output) = await RunVerbAsync(Path.Combine(folder, "x.db"), Path.Combine(folder, "files"), "backup", "--to", Path.Combine(folder, "out"),
            ("Database__Provider", "SqlServer"), ("ConnectionStrings__SqlServer", "Server=localhost;Database=pp;Trusted_Connection=True"));

        Assert.Equal(2, code);
        Assert.Contains("On SQL Server use the server's own backups", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    /// <summary>Stores real bytes through the app's own file store and records them as the upload handler does.</summary>
    private static async Task AttachAsync(PrizeAppFactory app, Entry entry, byte[] bytes)
    {
        var key = await app.Services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(bytes), CancellationToken.None);
        await app.WithDbAsync(async db =>
        {
            db.Attachments.Add(new Attachment
            {
                Id = Guid.NewGuid(), EntryId = entry.Id, OriginalName = "evidence.pdf", ContentType = "application/pdf", Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), StorageKey = key, UploadedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
    }

    private static Task<List<string>> EntriesAsync(PrizeAppFactory app) => app.WithDbAsync(db => db.Entries.OrderBy(e => e.Id)
        .Select(e => $"{e.Id} {e.Reference} {e.Status} {e.Title} {e.OrganisationName}").ToListAsync());

    private static async Task<List<string>> ScoresAsync(PrizeAppFactory app) =>
        (await app.WithDbAsync(db => db.Scores.AsNoTracking().OrderBy(s => s.Id).ToListAsync()))
        .Select(s => $"{s.EntryId} {s.JuryMemberId} {s.Status} {string.Join(",", s.Values.Select(v => v.Value))} {s.SubmittedAtUtc:O}").ToList();

    /// <summary>The web app's own verb, as a separate process on the given database and file folder.</summary>
    private static async Task<(int ExitCode, string Output)> RunVerbAsync(string database, string files, string verb, string option, string folder,
        params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, verb, option, folder }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={database}";
        start.Environment["Storage__Folder"] = files;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Keeps adding entries, each with a real file stored before its row commits, as uploads do.</summary>
    private sealed class Writer(PrizeAppFactory app, Call call)
    {
        private readonly CancellationTokenSource _stop = new();
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public async Task RunAsync()
        {
            await Task.Yield();
            var owner = await app.CreateUserAsync($"writer-{Guid.NewGuid():N}@example.org", Roles.Applicant);
            while (!_stop.IsCancellationRequested)
            {
                var entry = await new EntryBuilder(app).In(call).OwnedBy(owner).With(e => e.Title = $"Written during the backup {Writes}").SaveAsync();
                await AttachAsync(app, entry, RandomNumberGenerator.GetBytes(20_000 + Writes));
                Interlocked.Increment(ref _writes);
            }
        }

        public async Task WaitForWritesAsync(int count)
        {
            var waited = Stopwatch.StartNew();
            while (Writes < count)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"the writer wrote {Writes} times, not {count}");
                await Task.Delay(10);
            }
        }

        public async Task StopAsync(Task writing)
        {
            await _stop.CancelAsync();
            await writing;
        }
    }
}
