using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// A disabled account is one locked out until the end of time: Identity then refuses every sign-in, and the renewed
/// security stamp ends its open sessions within the validation interval. Nothing the account's owner can do (a
/// password reset unlocks a temporary lockout) lifts it; only the Secretariat can.
/// </summary>
public static class DisabledAccounts
{
    public static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.UtcDateTime.Year >= 9999;

    public static bool IsDisabled(this AppUser user) => IsDisabled(user.LockoutEnd);
}
