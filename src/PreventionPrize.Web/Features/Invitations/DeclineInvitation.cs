using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mediator;

namespace PreventionPrize.Web.Features.Invitations;

/// <summary>Declining needs no account: the link is enough, and it works once.</summary>
public static class DeclineInvitation
{
    public sealed record Command(string Token) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hash = InvitationTokens.Hash(command.Token);
            var member = await db.JuryMembers.SingleOrDefaultAsync(m => m.TokenHash == hash, ct) ?? throw Rejection.Because(l["Invitation.Unknown"]);
            var state = ShowInvitation.StateOf(member, now);
            if (state != InvitationState.Open) throw Rejection.Because(l[$"Invitation.{state}"]);
            member.Status = InvitationStatus.Declined;
            member.RespondedAtUtc = now;
            member.Touch();
            db.Audit(now, null, "jury.declined", $"juror:{member.Id}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
