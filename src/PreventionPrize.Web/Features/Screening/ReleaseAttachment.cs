using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Screening;

/// <summary>
/// The Secretariat decides which supporting documents the jury may read, after checking them for names (the page
/// shows each file's metadata warning). The evidence of a formal structure names the organisation: never released.
/// </summary>
public static class ReleaseAttachment
{
    public sealed record Command(int EntryId, Guid AttachmentId, bool Release) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var file = await db.Attachments.SingleOrDefaultAsync(a => a.Id == command.AttachmentId && a.EntryId == command.EntryId
                && a.Purpose == AttachmentPurpose.Supporting, ct) ?? throw new NotFoundException();
            if (file.ReleasedToJury == command.Release) return Unit.Value;
            file.ReleasedToJury = command.Release;
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, command.Release ? "attachment.released" : "attachment.withheld",
                $"entry:{command.EntryId}", $"{file.Id} ({file.Sha256[..12]})");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
