namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response (ASVS 3.4): a CSP with no inline script or style, no framing, no MIME sniffing,
/// no referrer leaking entry URLs to other sites. HSTS is added by UseHsts outside development.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// For a document the app did not write (an e-mail's HTML shown in the outbox): no script, no requests, no forms,
    /// a unique origin (CSP <c>sandbox</c>), framable only by the app's own pages. Inline styles stay: mails need them.
    /// </summary>
    public const string SandboxPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private const string SandboxedKey = "pp.sandboxed";

    public static void ServeSandboxed(HttpContext context) => context.Items[SandboxedKey] = true;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var sandboxed = context.Items.ContainsKey(SandboxedKey);
                headers.ContentSecurityPolicy = sandboxed ? SandboxPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = sandboxed ? "SAMEORIGIN" : "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
