using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Certificates;

/// <summary>
/// A printable certificate for a distinguished entry, in English or French whatever the reader's own language.
/// The Secretariat sees it before the release (to prepare the ceremony); the team from the release instant on.
/// </summary>
public static class ShowCertificate
{
    public sealed record Query(int EntryId, string Language) : IQuery<Model>;

    public sealed record Model(string Language, string Heading, string Awarded, string Outcome, string ProjectTitle, string Organisation,
        string CallTitle, string Date, string Signature, int EntryId);

    public sealed class Handler(EntryAccess access, PrizeDbContext db, IHttpContextAccessor http, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var entry = await access.Readable().AsNoTracking().Include(e => e.Call).SingleOrDefaultAsync(e => e.Id == query.EntryId, ct) ?? throw new NotFoundException();
            var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.EntryId == entry.Id, ct);
            var secretariat = http.HttpContext?.User.IsInRole(Roles.Secretariat) == true;
            var now = clock.GetUtcNow().UtcDateTime;
            if (decision is null || decision.Outcome == Outcome.NotSelected || (!secretariat && !entry.Call.IsLifted(now))) throw new NotFoundException();
            var language = query.Language == "fr" ? "fr" : "en";
            using (Cultures.Use(language))
            {
                var day = entry.Call.ResultsReleaseAtUtc ?? now;
                return new Model(language, l["Certificate.Heading"], l["Certificate.Awarded"], l[$"Outcome.{decision.Outcome}"], entry.Title, entry.OrganisationName,
                    language == "fr" ? entry.Call.TitleFr : entry.Call.TitleEn, Strasbourg.ToLocal(day).ToString("d MMMM yyyy", Cultures.DateCulture),
                    l["Certificate.Signature"], entry.Id);
            }
        }
    }
}
