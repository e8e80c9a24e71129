using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Users;

public static class DisableAccount
{
    public sealed record Command(string UserId, bool Disable) : ICommand;

    /// <summary>
    /// Disables an account (sign-in refused, open sessions ended within minutes by the renewed security stamp) or
    /// enables it again. Nobody disables their own account: the last Secretariat would lock everyone out. The change
    /// and its audit record commit together.
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, PrizeDbContext db, TimeProvider clock, CurrentUser actor, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException();
            if (command.Disable && user.Id == actor.Id) throw Rejection.Because(l["Users.CannotDisableSelf"]);
            if (user.IsDisabled() == command.Disable) return Unit.Value;
            await db.InTransactionAsync(async t =>
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, command.Disable ? DisabledAccounts.Forever : null);
                await users.ResetAccessFailedCountAsync(user);
                await users.UpdateSecurityStampAsync(user);
                db.Audit(clock.GetUtcNow().UtcDateTime, actor.Id, command.Disable ? "account.disabled" : "account.enabled", $"user:{user.Id}");
                await db.SaveChangesAsync(t);
            }, ct);
            return Unit.Value;
        }
    }
}
