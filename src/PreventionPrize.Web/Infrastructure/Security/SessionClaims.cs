using System.Globalization;
using System.Security.Claims;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Two facts the session cookie carries besides Identity's claims: when the password was last entered
/// (<c>auth_time</c>, as in OpenID Connect; it starts the absolute timeout and dates re-authentication) and
/// whether the account has two-factor authentication on (so the requirement costs no query per request).
/// </summary>
public static class SessionClaims
{
    public const string AuthTime = "auth_time";
    public const string TwoFactor = "pp_2fa";

    /// <summary>How the session was opened, when it was by a passkey (a second factor of its own; see TwoFactorRequirement).</summary>
    public const string PasskeyMethod = "passkey";

    /// <summary>A sensitive change (e-mail, two-factor settings) needs the password entered this recently (ASVS 7.5.3).</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(5);

    /// <summary>However active the session, it ends this long after the password was entered (ASVS 7.3.2).</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Without activity for this long, the session ends (ASVS 7.3.1).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static Claim AuthTimeClaim(DateTimeOffset at) =>
        new(AuthTime, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? AuthenticatedAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool SignedInRecently(this ClaimsPrincipal principal, DateTimeOffset now) =>
        principal.AuthenticatedAt() is { } at && now - at <= RecentSignIn && at <= now + TimeSpan.FromMinutes(1);

    public static bool HasTwoFactor(this ClaimsPrincipal principal) => principal.HasClaim(TwoFactor, "on");

    /// <summary>"amr" as RFC 8176 spells it: a hardware-held key (hwk) verified with its PIN or biometric (mfa).</summary>
    public static Claim[] PasskeyClaims() =>
        [new(ClaimTypes.AuthenticationMethod, PasskeyMethod), new("amr", "hwk"), new("amr", "mfa")];

    public static bool SignedInWithPasskey(this ClaimsPrincipal principal) => principal.HasClaim(ClaimTypes.AuthenticationMethod, PasskeyMethod);
}
