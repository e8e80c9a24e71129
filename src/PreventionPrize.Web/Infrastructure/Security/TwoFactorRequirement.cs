using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// The Secretariat and jurors see applicants' entries and decide the prize, so their accounts need a second factor
/// (ASVS 6.3.3): until they set one up, every page but the set-up itself (and signing out, switching language, the
/// error pages) sends them to it. A session opened with a passkey has had two factors already (the device, and the PIN
/// or biometric that unlocked it) and passes; the same person signing in with the password is still sent to set up
/// codes, so the password never stands alone. <c>Security:RequireTwoFactor</c> (default true) exists for tests that sign such
/// users in by password alone.
/// </summary>
public static class TwoFactorRequirement
{
    public const string EnrollPath = "/account/two-factor";

    private static readonly string[] Allowed = [EnrollPath, "/account/reauthenticate", "/account/logout", "/language", "/error", "/health"];

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Security:RequireTwoFactor", true)) return app;
        return app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.Juror))
                && !user.HasTwoFactor() && !user.SignedInWithPasskey() && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(EnrollPath);
                return;
            }
            await next();
        });
    }
}
