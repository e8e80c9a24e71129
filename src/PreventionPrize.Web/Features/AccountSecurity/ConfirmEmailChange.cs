using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Features.Account;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class ConfirmEmailChange
{
    public sealed record Command(string? UserId, string? Email, string? Code) : ICommand<bool>;

    /// <summary>
    /// The link proves the new address is its owner's: the address (and the user name, which is the address) change,
    /// with the audit record, in one transaction. The token binds the new address and the security stamp, which the
    /// change renews, so the link works once; the account's other sessions end within the stamp interval, and the
    /// session that follows the link, if it is the account's, is re-issued.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current, PrizeDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
        {
            var token = AccountTokens.Decode(command.Code);
            var newEmail = command.Email?.Trim();
            if (token is null || string.IsNullOrEmpty(command.UserId) || string.IsNullOrEmpty(newEmail) || newEmail.Length > 254) return false;
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(command.UserId);
            if (user is null) return false;

            var changed = false;
            await db.InTransactionAsync(async t =>
            {
                var oldUserName = user.UserName;
                user.UserName = newEmail;
                var result = await users.ChangeEmailAsync(user, newEmail, token);
                if (!result.Succeeded)
                {
                    user.UserName = oldUserName;
                    return;
                }
                db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "account.email-changed", $"user:{user.Id}");
                await db.SaveChangesAsync(t);
                changed = true;
            }, ct);
            if (changed && current.Id == user.Id) await signIn.RefreshSignInAsync(user);
            return changed;
        }
    }
}
