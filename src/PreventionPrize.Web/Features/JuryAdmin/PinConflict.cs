using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>The Secretariat confirms a conflict: it binds (even a soft one) and can no longer be cleared or changed by a setting.</summary>
public static class PinConflict
{
    public sealed record Command(string Code, int ConflictId) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var conflict = await db.Conflicts.SingleOrDefaultAsync(c => c.Id == command.ConflictId && c.CallId == call.Id && c.ClearedAtUtc == null, ct)
                ?? throw new NotFoundException();
            if (conflict.Pinned) return Unit.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            conflict.Pinned = true;
            db.Audit(now, user.Id, "conflict.pinned", $"entry:{conflict.EntryId}", $"juror:{conflict.JuryMemberId} {conflict.Type} {conflict.Severity} {conflict.Source}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
