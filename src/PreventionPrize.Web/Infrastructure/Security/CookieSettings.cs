namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// One place for the cookies' names and Secure flag. In production every cookie is <c>__Host-</c>-prefixed and
/// Secure (ASVS 3.3). A <c>__Host-</c> cookie must be Secure, and the antiforgery system refuses Secure cookies
/// on plain-HTTP requests, so a developer's <c>dotnet run</c> over http sets <c>Security:AllowPlainHttp</c>
/// (appsettings.Development.json) and gets unprefixed cookies instead.
/// </summary>
public sealed class CookieSettings(bool allowPlainHttp)
{
    public bool AllowPlainHttp { get; } = allowPlainHttp;

    public string Name(string name) => AllowPlainHttp ? name : "__Host-" + name;

    public CookieSecurePolicy SecurePolicy => AllowPlainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public string Auth => Name("pp-auth");
    public string Antiforgery => Name("pp-af");
    public string TempData => Name("pp-tmp");
    public string Culture => Name("pp-culture");
    public string External => Name("pp-ext");
    public string TwoFactor => Name("pp-2fa");

    public static CookieSettings From(IConfiguration configuration) => new(configuration.GetValue("Security:AllowPlainHttp", false));
}
