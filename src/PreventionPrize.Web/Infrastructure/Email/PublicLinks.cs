namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// Absolute links for e-mails. The configured <c>App:PublicBaseUrl</c> wins, so a forged Host header can never
/// put an attacker's address into a password-reset link; without it (development) the request's own base is used.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["App:PublicBaseUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : "http://localhost";
        return baseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
