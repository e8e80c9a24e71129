using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;

namespace PreventionPrize.Web.Features.Entries;

public static class SubmitEntry
{
    /// <summary><see cref="SubmissionKey"/> is minted when the form is shown: the same key twice is the same submission.</summary>
    public sealed class Command : EntryForm, ICommand<string>
    {
        public Guid SubmissionKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            Include(new EntryDraftRules(l));
            RuleFor(c => c.SubmissionKey).NotEmpty().WithMessage(_ => l["Entry.ChangedElsewhere"]);
        }
    }

    /// <summary>
    /// Saves what was typed, checks it is complete against the call's limits, and records a new submitted
    /// version with a reference code. A draft that fails the checks or misses the deadline is still saved,
    /// so nothing typed is lost; a submitted entry is only replaced by a complete, on-time resubmission.
    /// Returns the reference.
    /// </summary>
    public sealed class Handler(PrizeDbContext db, EntryAccess access, TimeProvider clock, UserManager<AppUser> users,
        EntryMail mail, ConflictDetection detection, IStringLocalizer<SharedResource> l) : ICommandHandler<Command, string>
    {
        private const int Attempts = 3;

        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await AlreadySubmittedAsync(command, ct) is { } reference) return reference;
                var entry = await access.OwnedAsync(command.Id, ct, withAttachments: true);
                try
                {
                    return (await SubmitAsync(entry, command, ct)).Reference!;
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another request won the race: the same submit key (a double click) or the next reference
                    // number (another team). Start again from the database's state.
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<string?> AlreadySubmittedAsync(Command command, CancellationToken ct) =>
            await db.EntryVersions.AnyAsync(v => v.EntryId == command.Id && v.SubmissionKey == command.SubmissionKey, ct)
                ? await access.Readable().Where(e => e.Id == command.Id).Select(e => e.Reference).SingleAsync(ct)
                : null;

        private async Task<Entry> SubmitAsync(Entry entry, Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (entry.Version != command.Version)
            {
                // A double click whose twin submitted this very form between our check and our read: done, not a conflict.
                if (await AlreadySubmittedAsync(command, ct) is not null) return entry;
                throw Rejection.Because(l["Entry.ChangedElsewhere"]);
            }
            if (!entry.IsOpenToApplicant) throw Rejection.Because(l["Entry.ReadOnly"]);

            var isDraft = entry.Status == EntryStatus.Draft;
            if (!EntryPolicy.CanSubmit(entry, now))
            {
                if (isDraft) await SaveDraftAsync(entry, command, now, ct);
                throw Rejection.Because(l["Entry.DeadlinePassed", Strasbourg.Format(entry.Call.ClosesAtUtc.AddMinutes(entry.Call.GraceMinutes), Cultures.DateCulture)]);
            }

            var hasEvidenceFile = entry.Attachments.Any(a => a.Purpose == AttachmentPurpose.FormalStructureEvidence);
            var today = DateOnly.FromDateTime(Strasbourg.ToLocal(now));
            var problems = new EntrySubmitRules(l, entry.Call.EntryRules, hasEvidenceFile, today).Validate(command);
            if (!problems.IsValid)
            {
                if (isDraft) await SaveDraftAsync(entry, command, now, ct);
                throw new ValidationException(problems.Errors);
            }

            SaveDraft.Handler.Apply(db, entry, command, now);
            // On SQLite the write lock is taken before the call's last number is read, which makes "read the number,
            // take the next" one step: in a deadline rush the teams queue for the lock instead of taking the same
            // number and failing on the unique index more often than the retry absorbs (bench-rush saw 500s).
            // SQL Server writes concurrently; there the unique index and the retry decide.
            await using var numbering = db.Database.IsSqlite() ? await db.BeginWriteAsync(ct) : null;
            if (entry.Number is null)
            {
                entry.Number = 1 + (await db.Entries.Where(e => e.CallId == entry.CallId).MaxAsync(e => e.Number, ct) ?? 0);
                entry.Reference = $"{entry.Call.Code}-{entry.Number:0000}";
            }
            var late = SubmissionWindow.Evaluate(entry.Call, now) == WindowState.Grace;
            entry.Status = EntryStatus.Submitted;
            entry.SubmittedAtUtc = now;
            entry.Late = late;
            var number = 1 + await db.EntryVersions.CountAsync(v => v.EntryId == entry.Id, ct);
            var version = new EntryVersion
            {
                EntryId = entry.Id, Number = number, SubmissionKey = command.SubmissionKey, SubmittedAtUtc = now, Late = late,
                Snapshot = EntrySnapshot.Of(entry).ToJson(),
            };
            db.EntryVersions.Add(version);
            // The receipt commits with the submission: no submission without its receipt, no receipt without a submission.
            await mail.QueueReceiptAsync(entry, version, (await users.FindByIdAsync(entry.OwnerId))?.Email, ct);
            db.Audit(now, entry.OwnerId, number == 1 ? "entry.submitted" : "entry.resubmitted", $"entry:{entry.Id}", $"{entry.Reference} v{number}{(late ? " late" : "")}");
            await db.SaveChangesAsync(ct);
            if (numbering is not null) await numbering.CommitAsync(ct);
            // The submitted answers (organisation, team, declared relationships) against the jury as it stands;
            // later jurors are checked against this entry when they accept or change their profile.
            await detection.RunAsync(entry.CallId, now, ct, entryId: entry.Id);
            await db.SaveChangesAsync(ct);
            return entry;
        }

        private async Task SaveDraftAsync(Entry entry, EntryForm form, DateTime now, CancellationToken ct)
        {
            SaveDraft.Handler.Apply(db, entry, form, now);
            await db.SaveChangesAsync(ct);
            // The form goes back to the browser: it must carry the version it now stands on.
            form.Version = entry.Version;
        }
    }
}
