using Microsoft.AspNetCore.Identity;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>How Identity's passkeys (WebAuthn) are set for the prize: docs/decisions/017-passkeys.md.</summary>
public static class PasskeySetup
{
    public static IServiceCollection AddPrizePasskeys(this IServiceCollection services)
    {
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ServerDomain = Site(configuration);
            // Identity's default today, written down: a passkey is only a second factor if its PIN or biometric is asked.
            o.UserVerificationRequirement = "required";
            // Sign-in asks for no e-mail first (a "which accounts have passkeys" oracle), so the key must be discoverable.
            o.ResidentKeyRequirement = "required";
            o.AuthenticatorTimeout = TimeSpan.FromMinutes(5);
            // Identity compares the origin the authenticator signed with the request's own Origin header, which anyone
            // who sends the request writes. With the public address configured, the origin must be that one.
            if (PublicOrigin(configuration) is { } origin)
                o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.Ordinal));
        });
        return services;
    }

    /// <summary>
    /// The site name (WebAuthn's relying party id) every passkey is bound to, for life: <c>Security:Passkeys:ServerDomain</c>,
    /// else the host of <c>App:PublicBaseUrl</c>, so that production never takes it from a request's Host header; with
    /// neither (development, tests), the host the browser used.
    /// </summary>
    public static string? Site(IConfiguration configuration) =>
        configuration["Security:Passkeys:ServerDomain"] is { Length: > 0 } domain ? domain : PublicAddress(configuration)?.Host;

    /// <summary>The origin pages are served from (<c>https://prize.example.org</c>), when <c>App:PublicBaseUrl</c> says it.</summary>
    public static string? PublicOrigin(IConfiguration configuration) => PublicAddress(configuration)?.GetLeftPart(UriPartial.Authority);

    private static Uri? PublicAddress(IConfiguration configuration) =>
        Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var address) ? address : null;
}
