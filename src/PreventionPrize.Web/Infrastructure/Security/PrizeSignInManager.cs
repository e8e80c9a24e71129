using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in, plus the <c>auth_time</c> claim: set when a password (and second factor) was entered, kept
/// when the cookie is merely re-issued (a role change, a new security stamp), renewed by re-authentication.
/// </summary>
public sealed class PrizeSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Any(c => c.Type == SessionClaims.AuthTime)) all.Add(SessionClaims.AuthTimeClaim(clock.GetUtcNow()));
        return base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Re-issues this session's cookie for <paramref name="user"/> (after a change of stamp), keeping its sign-in time.</summary>
    public override Task RefreshSignInAsync(AppUser user) => RefreshAsync(user, passwordJustEntered: false);

    /// <summary>Re-issues the cookie with a new sign-in time: the person has just typed the password again.</summary>
    public Task RefreshAfterPasswordAsync(AppUser user) => RefreshAsync(user, passwordJustEntered: true);

    private async Task RefreshAsync(AppUser user, bool passwordJustEntered)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (auth.Principal is null || auth.Principal.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id) return;
        var kept = auth.Principal.Claims
            .Where(c => c.Type is ClaimTypes.AuthenticationMethod or "amr" || (c.Type == SessionClaims.AuthTime && !passwordJustEntered))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType))
            .ToList();
        await SignInWithClaimsAsync(user, auth.Properties, kept);
    }
}
