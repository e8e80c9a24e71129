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

    /// <summary>For users' files served back: nothing loads, and a browser that renders it anyway gets a sandbox (ASVS 3.2.1).</summary>
    /// <summary>A file goes out as a download: never rendered (ASVS 3.2.1), no sniffing, sandboxed if opened anyway, never cached.</summary>
    public static void ForDownload(this HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = DownloadPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }

    public const string DownloadPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

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
                // An endpoint may set a stricter policy of its own (file downloads); a sandboxed document gets the
                // sandbox policy; everything else the site-wide default.
                var sandboxed = context.Items.ContainsKey(SandboxedKey);
                if (sandboxed) headers.ContentSecurityPolicy = SandboxPolicy;
                else if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
