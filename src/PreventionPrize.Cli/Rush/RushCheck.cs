using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Cli.Rush;

/// <summary>
/// The final check, read from the database and the file store once the last applicant is done: every entry
/// submitted exactly once with one reference, one version (the receipt's record) per submission, one receipt e-mail
/// per entry in the outbox and no idempotency key twice, and every attachment's file on disk at its recorded size.
/// </summary>
public sealed record RushCheck(int Entries, int Submitted, int Versions, int Receipts, int Attachments, List<string> Losses, List<string> Duplicates)
{
    public bool Clean => Losses.Count == 0 && Duplicates.Count == 0;

    public static async Task<RushCheck> RunAsync(IServiceProvider services, int callId, int pdfSize)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var store = (LocalFileStore)scope.ServiceProvider.GetRequiredService<IFileStore>();
        var entries = await db.Entries.AsNoTracking().AsSplitQuery().Where(e => e.CallId == callId)
            .Select(e => new { e.Id, e.Status, e.Reference, Versions = e.Versions.Count, Files = e.Attachments.Select(a => new { a.StorageKey, a.Size }).ToList() })
            .ToListAsync();
        var ids = entries.Select(e => e.Id).ToList();
        var keys = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("entry.receipt:")).Select(m => m.IdempotencyKey).ToListAsync();
        var allKeys = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.IdempotencyKey).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        var versionKeys = await db.EntryVersions.AsNoTracking().Where(v => ids.Contains(v.EntryId))
            .GroupBy(v => v.SubmissionKey).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();

        var losses = new List<string>();
        var duplicates = new List<string>();
        foreach (var e in entries)
        {
            var receipts = keys.Count(k => k.StartsWith($"entry.receipt:{e.Id}:", StringComparison.Ordinal));
            if (e.Status != EntryStatus.Submitted || e.Reference is null) losses.Add($"entry {e.Id} is {e.Status}, not submitted");
            if (e.Versions == 0) losses.Add($"entry {e.Id} has no submitted version");
            if (e.Versions > 1) duplicates.Add($"entry {e.Id} has {e.Versions} versions");
            if (receipts == 0) losses.Add($"entry {e.Id} has no receipt in the outbox");
            if (receipts > 1) duplicates.Add($"entry {e.Id} has {receipts} receipts");
            if (e.Files.Count == 0) losses.Add($"entry {e.Id} has no attachment");
            if (e.Files.Count > 1) duplicates.Add($"entry {e.Id} has {e.Files.Count} attachments");
            foreach (var file in e.Files)
            {
                var path = store.PathOf(file.StorageKey);
                if (!File.Exists(path)) losses.Add($"entry {e.Id}: file {file.StorageKey} is not on disk");
                else if (new FileInfo(path).Length != pdfSize || file.Size != pdfSize) losses.Add($"entry {e.Id}: file {file.StorageKey} is {new FileInfo(path).Length} bytes, recorded {file.Size}, sent {pdfSize}");
            }
        }
        duplicates.AddRange(entries.Where(e => e.Reference is not null).GroupBy(e => e.Reference).Where(g => g.Count() > 1).Select(g => $"reference {g.Key} given {g.Count()} times"));
        duplicates.AddRange(allKeys.Select(k => $"idempotency key {k} queued twice"));
        duplicates.AddRange(versionKeys.Select(k => $"submission key {k} recorded twice"));
        return new RushCheck(entries.Count, entries.Count(e => e.Status == EntryStatus.Submitted), entries.Sum(e => e.Versions),
            keys.Count(k => ids.Any(id => k.StartsWith($"entry.receipt:{id}:", StringComparison.Ordinal))), entries.Sum(e => e.Files.Count), losses, duplicates);
    }
}
