using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Outbox;

namespace PreventionPrize.Web.Infrastructure.Privacy;

/// <summary>
/// The one routine that takes a person out of an entry, a jury membership or the outbox: used by the retention
/// sweep and by account deletion alike (docs/decisions/013-retention.md says what is kept and why). Changes are
/// made on tracked rows and saved by the caller, in its transaction; the files to remove are returned so the caller
/// deletes them only after the commit (a file left behind is harmless, a row pointing at nothing is not).
/// </summary>
public sealed class PersonalData(PrizeDbContext db)
{
    /// <summary>What an erased address becomes: unique, recognisable, undeliverable (RFC 2606 reserves <c>.invalid</c>).</summary>
    public static string ErasedAddress(string id) => $"erased-{id}@invalid";

    /// <summary>The kinds of entry mail whose idempotency key starts <c>{kind}:{entryId}:</c> (EntryMail, DraftReminders).</summary>
    private static readonly string[] EntryMailKinds = ["entry.receipt", "entry.withdrawn", "entry.screened", "results", "entry.draftreminder"];

    /// <summary>
    /// Replaces the entry's identity and narrative with nothing, in the entry, its versions, its files and the mail
    /// about it; keeps the reference, the coded practice fields (vocabulary, countries, counts, dates), scores and
    /// decisions, so results and statistics do not move. Idempotent: an anonymised entry is left as it is (null).
    /// </summary>
    public async Task<List<string>?> AnonymiseEntryAsync(int entryId, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        var entry = await db.Entries.Include(e => e.Attachments).Include(e => e.Versions).SingleAsync(e => e.Id == entryId, ct);
        if (entry.AnonymisedAtUtc is not null) return null;

        entry.OrganisationName = "";
        entry.Website = "";
        entry.SocialLinks = "";
        entry.ContactName = "";
        entry.ContactEmail = "";
        entry.FormalStructureEvidenceUrl = "";
        entry.TeamMembers = [];
        entry.JuryRelationships = [];
        // A title is the project's name, kept for the record, unless the identifier check found a person in it.
        if (entry.IdentifierWarnings.Any(w => w.StartsWith(nameof(Entry.Title) + ":", StringComparison.Ordinal)))
            entry.Title = entry.Reference ?? "";
        entry.Summary = "";
        entry.Description = "";
        entry.YouthInvolvement = "";
        entry.DigitalBehaviourOther = "";
        entry.Evaluation = "";
        entry.HumanRights = "";
        entry.Replication = "";
        entry.IdentifierWarnings = [];

        var files = new List<string>();
        var number = 0;
        foreach (var attachment in entry.Attachments.OrderBy(a => a.UploadedAtUtc))
        {
            files.Add(attachment.StorageKey);
            attachment.OriginalName = $"file-{++number}{Path.GetExtension(attachment.OriginalName)}";
            attachment.MetadataWarning = null;
            attachment.ReleasedToJury = false;
        }
        foreach (var version in entry.Versions) version.Snapshot = EntrySnapshot.Of(entry).ToJson();

        foreach (var conflict in await db.Conflicts.Where(c => c.EntryId == entry.Id).ToListAsync(ct))
            (conflict.Reason, conflict.ClearReason) = ("", conflict.ClearReason is null ? null : "");
        foreach (var kit in await db.ReplicationKits.Where(k => k.EntryId == entry.Id).ToListAsync(ct))
        {
            kit.En.Contact = "";
            kit.Fr.Contact = "";
        }
        BlankMail(await MailAboutAsync(entry.Id, ct), nowUtc);

        entry.AnonymisedAtUtc = nowUtc;
        entry.Touch(nowUtc);
        db.Audit(nowUtc, actorId, "entry.anonymised", $"entry:{entry.Id}", $"{files.Count} files removed");
        return files;
    }

    /// <summary>A draft was never an application: it goes, with its files.</summary>
    public async Task<List<string>> DeleteDraftAsync(int entryId, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        var entry = await db.Entries.Include(e => e.Attachments).SingleAsync(e => e.Id == entryId, ct);
        var files = entry.Attachments.Select(a => a.StorageKey).ToList();
        BlankMail(await MailAboutAsync(entry.Id, ct), nowUtc);
        db.Entries.Remove(entry);
        db.Audit(nowUtc, actorId, "entry.deleted", $"entry:{entry.Id}", $"draft; {files.Count} files removed");
        return files;
    }

    private async Task<List<OutboxMessage>> MailAboutAsync(int entryId, CancellationToken ct)
    {
        var rows = new List<OutboxMessage>();
        foreach (var prefix in EntryMailKinds.Select(kind => $"{kind}:{entryId}:"))
            rows.AddRange(await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith(prefix)).ToListAsync(ct));
        return rows;
    }

    /// <summary>
    /// The juror's identity and declarations go; the membership row, its scores and comments stay under its id, so
    /// no result changes. Conflict rows stay (they exclude scores) without their reasons, which quote names.
    /// </summary>
    public async Task BlankJurorAsync(JuryMember member, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        member.Name = "";
        member.Email = ErasedAddress($"juror-{member.Id}");
        member.TokenHash = null;
        member.Profile = new JurorProfile();
        member.GuardianConsentNote = null;
        member.Touch();
        foreach (var declaration in await db.JurorDeclarations.Where(d => d.JuryMemberId == member.Id).ToListAsync(ct))
        {
            declaration.SignedName = "";
            declaration.Relationships = [];
        }
        foreach (var conflict in await db.Conflicts.Where(c => c.JuryMemberId == member.Id).ToListAsync(ct))
        {
            conflict.Reason = "";
            conflict.ClearReason = conflict.ClearReason is null ? null : "";
        }
        db.Audit(nowUtc, actorId, "juror.erased", $"juror:{member.Id}");
    }

    /// <summary>
    /// Mail already handed over (or given up on) keeps its record — kind, subject, dates, state — without the
    /// address or the text; mail not yet sent is cancelled, so it never goes. A row a dispatcher holds this instant
    /// (claimed, sending) is left to finish: changing it under the dispatcher would race its lease.
    /// </summary>
    public static void BlankMail(IEnumerable<OutboxMessage> rows, DateTime nowUtc)
    {
        foreach (var row in rows)
        {
            if (row.State is OutboxState.Claimed or OutboxState.Sending) continue;
            if (OutboxMessage.Cancellable.Contains(row.State)) row.State = OutboxState.Cancelled;
            row.ToAddress = ErasedAddress("mail");
            row.ToName = null;
            row.TextBody = "";
            row.HtmlBody = "";
            row.LastError = null;
            row.NextAttemptAtUtc = nowUtc;
        }
    }
}
