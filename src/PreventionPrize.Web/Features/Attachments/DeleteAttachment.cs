using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Attachments;

public static class DeleteAttachment
{
    public sealed record Command(int EntryId, Guid AttachmentId) : ICommand;

    public sealed class Handler(PrizeDbContext db, EntryAccess access, IFileStore store, TimeProvider clock, CurrentUser user,
        IStringLocalizer<SharedResource> l, ILogger<Handler> logger) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var entry = await access.OwnedAsync(command.EntryId, ct, withAttachments: true);
            var attachment = entry.Attachments.SingleOrDefault(a => a.Id == command.AttachmentId) ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            if (!AttachmentRules.CanChange(entry, now)) throw Rejection.Because(l["Attachment.Error.Closed"]);

            db.Attachments.Remove(attachment);
            db.Audit(now, user.Id, "attachment.deleted", $"entry:{entry.Id}", $"{attachment.Id} sha256:{attachment.Sha256}");
            await db.SaveChangesAsync(ct);
            // The row goes first: a file left behind is harmless, a row pointing at nothing is not.
            try
            {
                await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException) // a disk or a blob service that refuses
            {
                logger.LogWarning(e, "Attachment {Id} deleted, but its file {Key} stays", attachment.Id, attachment.StorageKey);
            }
            return Unit.Value;
        }
    }
}
