using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Password-reset tokens that expire after an hour by the platform's <see cref="TimeProvider"/>.
/// Identity's DataProtectorTokenProvider reads the system clock directly (dotnet/aspnetcore #54639), which
/// the rule "time comes from TimeProvider everywhere" does not allow. The token binds the user, the purpose
/// and the security stamp, so it dies as soon as the password changes (single use).
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = protection.CreateProtector("PreventionPrize.PasswordReset.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        var issued = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        var payload = string.Join('\n', issued, await manager.GetUserIdAsync(user), purpose, stamp);
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return false;
        var issued = new DateTimeOffset(ticks, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        return issued <= now && now - issued <= Lifespan
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
