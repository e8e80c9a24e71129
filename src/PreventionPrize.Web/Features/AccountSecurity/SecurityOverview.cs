using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class SecurityOverview
{
    public sealed record Query : IQuery<Model>;

    public sealed record Model(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, int Passkeys);

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var enabled = await users.GetTwoFactorEnabledAsync(user);
            return new Model(user.Email!, enabled, enabled ? await users.CountRecoveryCodesAsync(user) : 0, (await users.GetPasskeysAsync(user)).Count);
        }
    }
}
