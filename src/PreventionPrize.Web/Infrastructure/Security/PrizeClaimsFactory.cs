using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>Identity's claims plus "two-factor on", refreshed with the rest whenever the security stamp is checked.</summary>
public sealed class PrizeClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user)) identity.AddClaim(new Claim(SessionClaims.TwoFactor, "on"));
        return identity;
    }
}
