using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class RegenerateRecoveryCodes
{
    public sealed record Command : ICommand<IReadOnlyList<string>>;

    /// <summary>Ten new codes replace the old ones, which stop working at once.</summary>
    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            if (!await users.GetTwoFactorEnabledAsync(user)) throw Rejection.Because(l["TwoFactor.NotOn"]);
            IReadOnlyList<string> codes = [];
            await db.InTransactionAsync(async t =>
            {
                codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableTwoFactor.RecoveryCodeCount))!.ToList();
                db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "account.recovery-codes", $"user:{user.Id}");
                await db.SaveChangesAsync(t);
            }, ct);
            return codes;
        }
    }
}
