using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>"I have no conflict with this entry": asked once per entry, recorded with the time, audited.</summary>
public static class ConfirmNoConflict
{
    public sealed record Command(string Code, string Reference) : ICommand;

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(command.Code, ct);
            var entryId = await policy.VisibleIdAsync(member, command.Reference, ct);
            // A double click finds the answer already given; the unique index settles a true race.
            if (await db.FirstSightAnsweredAsync(member.Id, entryId, ct)) return Unit.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            db.FirstSights.Add(new FirstSight { JuryMemberId = member.Id, EntryId = entryId, ConfirmedAtUtc = now });
            db.Audit(now, member.UserId, "juror.noconflict", $"entry:{entryId}", $"juror:{member.Id}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (!await db.FirstSightAnsweredAsync(member.Id, entryId, ct)) throw;
            }
            return Unit.Value;
        }
    }
}
