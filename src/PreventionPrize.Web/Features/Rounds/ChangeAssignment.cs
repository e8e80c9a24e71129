using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>Lock a pair (it survives every recomputation), unlock it, or remove it; each change is audited.</summary>
public static class ChangeAssignment
{
    public enum Change { Lock, Unlock, Remove }

    public sealed record Command(int RoundId, int AssignmentId, Change Change) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var round = await db.ForAssignmentChangeAsync(command.RoundId, l, ct);
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == command.AssignmentId && a.RoundId == round.Id, ct)
                ?? throw new NotFoundException();
            if (command.Change == Change.Remove) db.Assignments.Remove(assignment);
            else assignment.Locked = command.Change == Change.Lock;
            round.Touch();
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, $"assignment.{command.Change.ToString().ToLowerInvariant()}", $"round:{round.Id}",
                $"entry:{assignment.EntryId} juror:{assignment.JuryMemberId}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
