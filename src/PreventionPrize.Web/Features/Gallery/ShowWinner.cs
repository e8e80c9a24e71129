using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>
/// A winner's public page. Before the release instant, or without the team's consent, it does not exist: the
/// same 404 as an unknown reference, so the page cannot even confirm that a decision was taken.
/// </summary>
public static class ShowWinner
{
    public sealed record Query(string Reference) : IQuery<Model>;

    /// <summary><paramref name="Kit"/> is the team's replication kit once the Secretariat approved it; null before.</summary>
    public sealed record Model(Winner Winner, string CallTitle, string Url, string JsonLd, ReplicationKit? Kit, bool Preview);

    public sealed class Handler(PublishedWinners published, PrizeDbContext db, PublicLinks links, IHttpContextAccessor http, TimeProvider clock,
        IStringLocalizer<SharedResource> l) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            // The Secretariat previews the page before the release; for everyone else it does not exist until then.
            var secretariat = http.HttpContext?.User.IsInRole(Core.Accounts.Roles.Secretariat) == true;
            var winner = await published.FindAsync(query.Reference, ct, preview: secretariat) ?? throw new NotFoundException();
            var url = links.Absolute($"/winners/{Uri.EscapeDataString(winner.Reference)}");
            var kit = await db.ReplicationKits.AsNoTracking()
                .Where(k => k.Status == KitStatus.Approved && db.Entries.Any(e => e.Id == k.EntryId && e.Reference == winner.Reference))
                .SingleOrDefaultAsync(ct);
            return new Model(winner, Cultures.Pick(winner.CallTitleEn, winner.CallTitleFr), url, JsonLd(winner, url, l), kit, winner.ReleasedAtUtc > clock.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>
    /// schema.org data for search engines. Serialized, never concatenated, and with "&lt;" escaped, so an applicant's
    /// text can neither break the JSON nor close the script element it sits in.
    /// </summary>
    public static string JsonLd(Winner w, string url, IStringLocalizer l)
    {
        var places = w.ImplementationCountries.Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "Country", ["name"] = Countries.Name(c, CultureInfo.GetCultureInfo("en")), ["identifier"] = c,
        });
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["name"] = w.Title,
            ["description"] = w.Summary,
            ["inLanguage"] = w.Language,
            ["url"] = url,
            ["award"] = $"{l[$"Outcome.{w.Outcome}"].Value} · {Cultures.Pick(w.CallTitleEn, w.CallTitleFr)}",
            ["creator"] = new JsonObject
            {
                ["@type"] = "Organization", ["name"] = w.OrganisationName,
                ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = w.Country },
            },
            ["locationCreated"] = new JsonObject { ["@type"] = "Country", ["identifier"] = w.Country, ["name"] = Countries.Name(w.Country, CultureInfo.GetCultureInfo("en")) },
            ["spatialCoverage"] = new JsonArray([.. places]),
            ["datePublished"] = w.ReleasedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        // The default encoder escapes <, > and & as \u003C…: valid JSON, and "</script>" can never appear.
        return data.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
    }
}
