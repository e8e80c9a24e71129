using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mediator;

namespace PreventionPrize.Web.Features.Entries;

public static class WithdrawEntry
{
    public sealed record Command(int EntryId) : ICommand;

    /// <summary>
    /// Takes the entry out of the prize: a draft at any time, a submitted entry until the deadline. The entry
    /// and its versions stay in the record, marked withdrawn; the applicant is told by e-mail.
    /// </summary>
    public sealed class Handler(PrizeDbContext db, EntryAccess access, TimeProvider clock, UserManager<AppUser> users, EntryMail mail,
        IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var entry = await access.OwnedAsync(command.EntryId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (entry.Status == EntryStatus.Withdrawn) return Unit.Value;
            if (!EntryPolicy.CanWithdraw(entry, now)) throw Rejection.Because(l["Entry.ReadOnly"]);
            var wasSubmitted = entry.Status == EntryStatus.Submitted;
            entry.Status = EntryStatus.Withdrawn;
            entry.WithdrawnAtUtc = now;
            entry.Touch(now);
            db.Audit(now, entry.OwnerId, "entry.withdrawn", $"entry:{entry.Id}", entry.Reference);
            // Only a submitted entry was ever acknowledged; a discarded draft needs no notice.
            if (wasSubmitted) await mail.QueueWithdrawalAsync(entry, (await users.FindByIdAsync(entry.OwnerId))?.Email, ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
