using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// A refused request gets 429 with <c>Retry-After</c> in seconds. A browser then sees the error page (re-executed by
/// the status-code pages, in the request's language, which localization set earlier in the pipeline) saying when to
/// retry; a script (the upload and autosave scripts) gets <c>{"error": …}</c>, any other client a line of text.
/// Logged rather than audited: a flood would bury the audit trail.
/// </summary>
public static class RateLimitRejection
{
    private const string RetryAfterKey = "pp.retryAfter";

    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        seconds = Math.Max(seconds, 1);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Items[RetryAfterKey] = seconds;

        var services = context.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection))
            .LogWarning("Rate limit reached on {Method} {Path} ({Client}); retry after {Seconds} s",
                context.Request.Method, context.Request.Path, context.User.Identity?.IsAuthenticated == true ? "signed in" : "anonymous", seconds);

        if (WantsHtml(context.Request)) return; // left empty: UseStatusCodePagesWithReExecute renders /error/429
        var message = Describe(services.GetRequiredService<IStringLocalizer<SharedResource>>(), seconds);
        if (context.Request.Headers.XRequestedWith == "XMLHttpRequest" || context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
            await context.Response.WriteAsJsonAsync(new { error = message }, ct);
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message, ct);
        }
    }

    /// <summary>Seconds until a refused request may be retried, when this request was refused by a limit.</summary>
    public static int? RetryAfter(HttpContext context) => context.Items[RetryAfterKey] as int?;

    public static string Describe(IStringLocalizer localizer, int seconds) =>
        seconds < 2 ? localizer["Error.TooMany.Body"]
        : seconds < 120 ? localizer["Error.TooMany.RetryInSeconds", seconds]
        : localizer["Error.TooMany.RetryInMinutes", (seconds + 59) / 60];

    /// <summary>A browser's navigation asks for text/html; no Accept at all is treated as a browser too.</summary>
    private static bool WantsHtml(HttpRequest request)
    {
        if (request.Headers.XRequestedWith == "XMLHttpRequest") return false;
        var accept = request.Headers.Accept.ToString();
        return accept.Length == 0 || accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal);
    }
}
