using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>
/// Output caching of the gallery: its pages, the feed, JSON and CSV. Anonymous only (the default policy skips
/// signed-in requests and responses that set cookies, such as one that consumes a flash message).
/// <para>
/// Why the cache can never serve the pre-release answer after the release: the key includes the latest release
/// instant already passed, read from the database on each request (one indexed scalar query). The moment the clock
/// reaches a release instant the key changes and the response is rendered afresh; no timer or job is involved, and a
/// cached answer from before can never match. Anything else that changes what is published (a decision, a moved
/// instant, the release job) evicts the tag, and entries expire after 60 s, so an edit made elsewhere shows within a minute.
/// </para>
/// <para>
/// The HTML pages can be cached because an anonymous visitor's layout carries no per-visitor token: the language
/// switch asks for one only from signed-in users (see LanguageController).
/// </para>
/// </summary>
public static class GalleryCache
{
    public const string Policy = "Gallery";
    public const string Tag = "gallery";

    public static IServiceCollection AddGalleryCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(TimeSpan.FromSeconds(60))
            .Tag(Tag)
            .VaryByValue(async (context, ct) => new("release", await LatestLiftedAsync(context, ct)))
            .VaryByValue(_ => new("culture", CultureInfo.CurrentUICulture.Name))));

    public static Task EvictAsync(this IOutputCacheStore cache, CancellationToken ct) => cache.EvictByTagAsync(Tag, ct).AsTask();

    private static async Task<string> LatestLiftedAsync(HttpContext context, CancellationToken ct)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var db = context.RequestServices.GetRequiredService<PrizeDbContext>();
        var latest = await db.Calls.Where(c => c.ResultsReleaseAtUtc <= now).MaxAsync(c => c.ResultsReleaseAtUtc, ct);
        return latest?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "none";
    }
}
