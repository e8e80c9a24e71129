using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// Withdraws an invitation, or removes a juror who accepted: the link dies and the juror's pages for the call
/// answer 404 from the next request (the policy reads the status on every query).
/// </summary>
public static class RevokeInvitation
{
    public sealed record Command(string Code, int MemberId) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var member = await db.JuryMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.CallId == call.Id, ct) ?? throw new NotFoundException();
            if (member.Status == InvitationStatus.Revoked) return Unit.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var previous = member.Status;
            member.Status = InvitationStatus.Revoked;
            member.TokenHash = null;
            member.Touch();
            db.Audit(now, user.Id, "jury.revoked", $"juror:{member.Id}", $"was {previous}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
