using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>
/// Removing a passkey (a lost phone) stops it signing in at once: the new security stamp ends every session it
/// opened, this one renewed. The password always remains, so removing the last passkey never locks anyone out.
/// </summary>
public static class RemovePasskey
{
    public sealed record Command(string? CredentialId) : ICommand;

    public sealed class Handler(PrizeSignInManager signIn, AccountMail mail, CurrentUser current, PrizeDbContext db, TimeProvider clock,
        IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var id = PasskeyIds.Decode(command.CredentialId);
            if (id is null || await users.GetPasskeyAsync(user, id) is null) throw Rejection.Because(l["Passkey.NotFound"]);
            await db.InTransactionAsync(async t =>
            {
                var removed = await users.RemovePasskeyAsync(user, id);
                if (!removed.Succeeded) throw Rejection.Because(l["Passkey.NotFound"]);
                await users.UpdateSecurityStampAsync(user);
                var now = clock.GetUtcNow().UtcDateTime;
                await mail.QueueSecurityNoticeAsync(user, SecurityChange.PasskeyRemoved, now, t);
                db.Audit(now, user.Id, "account.passkey-removed", $"user:{user.Id}", PasskeyIds.ForAudit(id));
                await db.SaveChangesAsync(t);
            }, ct);
            await signIn.RefreshSignInAsync(user);
            return Unit.Value;
        }
    }
}
