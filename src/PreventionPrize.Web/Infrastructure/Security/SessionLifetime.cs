using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// The cookie's checks on every request: the absolute lifetime, counted from <c>auth_time</c> by the app's clock
/// (a cookie without it predates the rule and is refused), then Identity's security-stamp check, which ends the
/// session within its interval after a password change, a disabled account or a change of role.
/// </summary>
public static class SessionLifetime
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal?.AuthenticatedAt() is not { } at || now - at > SessionClaims.AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>The stamp check rebuilds the principal from the database; what the sign-in knew must survive it.</summary>
    public static Task KeepSignInFacts(SecurityStampRefreshingPrincipalContext context)
    {
        var fresh = context.NewPrincipal?.Identities.FirstOrDefault();
        if (context.CurrentPrincipal is null || fresh is null) return Task.CompletedTask;
        foreach (var claim in context.CurrentPrincipal.Claims.Where(c => c.Type is SessionClaims.AuthTime or "amr").ToList())
            if (!fresh.HasClaim(c => c.Type == claim.Type)) fresh.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value, claim.ValueType));
        return Task.CompletedTask;
    }
}
