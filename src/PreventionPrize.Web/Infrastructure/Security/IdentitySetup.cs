using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>Identity set to OWASP ASVS 5.0 level 2 (see the security reference), not to the template's defaults.</summary>
public static class IdentitySetup
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const string PasswordResetProvider = "PasswordReset";

    public static IServiceCollection AddPrizeIdentity(this IServiceCollection services, CookieSettings cookies)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // ASVS 6.2.5: no composition rules; length is what matters (6.2.1).
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.SignIn.RequireConfirmedAccount = true;
                // A reset link is a bearer credential: one hour. A confirmation link keeps Identity's default day.
                o.Tokens.PasswordResetTokenProvider = PasswordResetProvider;
                // Single-use authenticator codes by the app's clock (AuthenticatorTokenProvider explains why).
                o.Tokens.AuthenticatorTokenProvider = AuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<PrizeDbContext>()
            // Registered after the EF stores, so it is the store resolved: recovery codes kept hashed, not in clear.
            .AddUserStore<HashedRecoveryCodesUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetProvider)
            .AddTokenProvider<AuthenticatorTokenProvider>(AuthenticatorTokenProvider.Name)
            // Identity's own provider stays registered under its default name; point that name at ours too, so no
            // path (TwoFactorSignInAsync("Authenticator", …)) can reach a provider that accepts a code twice.
            .AddTokenProvider<AuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddSignInManager<PrizeSignInManager>()
            .AddClaimsPrincipalFactory<PrizeClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.AddPrizePasskeys();

        // Sessions end within minutes of a password change or a disabled account (ASVS 7.4).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.TimeProvider = clock;
            o.OnRefreshingPrincipal = SessionLifetime.KeepSignInFacts;
        });
        // Expiry is judged by the app's clock, so tests can move it (and nothing reads the system clock directly).
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookies.Auth;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Idle timeout, sliding (ASVS 7.3.1); the absolute limit is checked on every request (SessionLifetime).
            o.ExpireTimeSpan = SessionClaims.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
        });
        // Between the password and the second factor: five minutes, same cookie rules as the session's. Identity clears
        // its two-factor cookies at every sign-out, so they are sent even before 2FA is in use: prefixed and Secure
        // like the others (ASVS 3.3), not "Identity.TwoFactorUserId".
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = cookies.TwoFactor;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = cookies.External;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = cookies.Name("pp-2fa-remember");
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
        });
        return services;
    }
}
