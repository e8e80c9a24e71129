using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class TwoFactorSetup
{
    public sealed record Query : IQuery<Model>;

    /// <summary>When two-factor is off: the key to enter in an app, as text, as a link and as a QR code. When on: how many recovery codes are left.</summary>
    public sealed record Model(bool Enabled, int RecoveryCodesLeft, bool Required, string? GroupedKey, string? Uri, string? QrSvg);

    public const string Issuer = "Digital Prevention Prize";

    /// <summary>
    /// The key is made on first visit and kept until two-factor is turned on with a code from it (or off again, which
    /// forgets it). Making a key renews the security stamp, so this session is re-issued to stay signed in.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current, IConfiguration configuration, IStringLocalizer<SharedResource> l)
        : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var roles = await users.GetRolesAsync(user);
            var required = configuration.GetValue("Security:RequireTwoFactor", true) && (roles.Contains(Roles.Secretariat) || roles.Contains(Roles.Juror));
            if (await users.GetTwoFactorEnabledAsync(user))
                return new Model(true, await users.CountRecoveryCodesAsync(user), required, null, null, null);

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = (await users.GetAuthenticatorKeyAsync(user))!;
                await signIn.RefreshSignInAsync(user);
            }
            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={Totp.Digits}&period={Totp.StepSeconds}";
            return new Model(false, 0, required, Group(key), uri, QrCodeSvg.Render(uri, l["TwoFactor.QrTitle"]));
        }

        private static string Group(string key)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4) grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
            return grouped.ToString().TrimEnd().ToLowerInvariant();
        }
    }
}
