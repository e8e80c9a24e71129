using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Attachments;

public static class UploadAttachment
{
    /// <summary>One file per request, so that a refusal names the file it is about and a retry repeats one file.</summary>
    public sealed record Command(int EntryId, string? Purpose, IReadOnlyList<IFormFile> Files) : ICommand<Attachment>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Files).Must(files => files.Count == 1).WithMessage(_ => l["Attachment.Error.OneFile"]);
            RuleFor(c => c.Purpose).Must(p => AttachmentRules.ParsePurpose(p) is not null).WithMessage(_ => l["Attachment.Error.Purpose"]);
        }
    }

    public sealed class Handler(PrizeDbContext db, EntryAccess access, IFileStore store, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Attachment>
    {
        public async ValueTask<Attachment> Handle(Command command, CancellationToken ct)
        {
            var entry = await access.OwnedAsync(command.EntryId, ct, withAttachments: true);
            var now = clock.GetUtcNow().UtcDateTime;
            if (!AttachmentRules.CanChange(entry, now)) throw Rejection.Because(l["Attachment.Error.Closed"]);
            var rules = entry.Call.EntryRules;
            if (entry.Attachments.Count >= rules.MaxAttachments) throw Rejection.Because(l["Attachment.Error.TooMany", rules.MaxAttachments]);

            var file = command.Files[0];
            var maxBytes = AttachmentRules.MaxBytes(rules);
            if (file.Length == 0) throw Rejection.Because(l["Attachment.Error.Empty"]);
            if (file.Length > maxBytes) throw TooLarge(rules);

            await using var upload = file.OpenReadStream();
            var head = new byte[FileKinds.SignatureLength];
            var headLength = await upload.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            upload.Position = 0; // the form reader spools uploads to a seekable buffer
            var kind = FileKinds.Detect(head.AsSpan(0, headLength));
            if (kind is null || !rules.AttachmentKinds.Contains(kind))
                throw Rejection.Because(l["Attachment.Error.Kind", string.Join(", ", rules.AttachmentKinds.Select(k => k.ToUpperInvariant()))]);

            using var inspector = new UploadInspector(upload, maxBytes);
            string key;
            try
            {
                key = await store.SaveAsync(inspector, ct);
            }
            catch (FileTooLargeException)
            {
                throw TooLarge(rules);
            }

            var (sampleHead, sampleTail) = inspector.Sample();
            var attachment = new Attachment
            {
                Id = Guid.NewGuid(),
                EntryId = entry.Id,
                Purpose = AttachmentRules.ParsePurpose(command.Purpose)!.Value,
                OriginalName = FileNames.Clean(file.FileName, kind),
                ContentType = FileKinds.ContentType(kind),
                Size = inspector.BytesRead,
                Sha256 = inspector.Sha256Hex(),
                StorageKey = key,
                MetadataWarning = kind == Core.Calls.AttachmentKinds.Pdf ? MetadataWarnings.For(PdfMetadata.Read(sampleHead, sampleTail), entry) : null,
                UploadedAtUtc = now,
            };
            db.Attachments.Add(attachment);
            db.Audit(now, user.Id, "attachment.uploaded", $"entry:{entry.Id}",
                $"{attachment.Id} {attachment.Purpose} {attachment.ContentType} {attachment.Size} sha256:{attachment.Sha256}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                await store.DeleteAsync(key, CancellationToken.None); // no row, no file
                throw;
            }
            return attachment;
        }

        private ValidationException TooLarge(Core.Calls.EntryRules rules) =>
            Rejection.Because(l["Attachment.Error.TooLarge", AttachmentRules.MaxMegabytes(rules)]);
    }
}
