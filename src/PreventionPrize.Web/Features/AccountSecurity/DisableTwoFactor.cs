using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class DisableTwoFactor
{
    public sealed record Command : ICommand;

    /// <summary>
    /// Turns two-factor off and forgets the key and the recovery codes, so turning it on again means a new key (a lost
    /// phone keeps nothing useful). Where two-factor is required, the person is sent straight back to set it up again.
    /// The owner is told by e-mail; the change, the notice and the audit record commit together.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, AccountMail mail, CurrentUser current, PrizeDbContext db, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            if (!await users.GetTwoFactorEnabledAsync(user)) return Unit.Value;
            await db.InTransactionAsync(async t =>
            {
                await users.SetTwoFactorEnabledAsync(user, false);
                await users.ResetAuthenticatorKeyAsync(user);
                // Identity's store keeps the codes as a token of its own provider; there is no "forget the codes" call.
                await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
                var now = clock.GetUtcNow().UtcDateTime;
                await mail.QueueSecurityNoticeAsync(user, SecurityChange.TwoFactorDisabled, now, t);
                db.Audit(now, user.Id, "account.2fa-disabled", $"user:{user.Id}");
                await db.SaveChangesAsync(t);
            }, ct);
            await signIn.RefreshSignInAsync(user);
            return Unit.Value;
        }
    }
}
