using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>A new link for an invitation not yet answered (or revoked, or declined): the old link stops working.</summary>
public static class ResendInvitation
{
    public sealed record Command(string Code, int MemberId) : ICommand;

    public sealed class Handler(PrizeDbContext db, Invitations invitations, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var member = await db.JuryMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.CallId == call.Id, ct) ?? throw new NotFoundException();
            if (member.Status == InvitationStatus.Accepted) throw Rejection.Because(l["Jury.Resend.AlreadyAccepted", member.Name]);
            var now = clock.GetUtcNow().UtcDateTime;
            await invitations.IssueAsync(member, call, now, ct);
            member.RespondedAtUtc = null;
            member.Touch();
            db.Audit(now, user.Id, "jury.invitation.resent", $"juror:{member.Id}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
