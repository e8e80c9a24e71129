using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>A distinction as the public may see it: its call's results are out and its team consented to publication.</summary>
public sealed record Winner(
    string Reference, string CallCode, string CallTitleEn, string CallTitleFr, int Year, DateTime ReleasedAtUtc, Outcome Outcome,
    string Rationale, string Language, string Title, string Summary, string Description, string YouthInvolvement,
    string Evaluation, string HumanRights, string Replication, string OrganisationName, string Website, string Country,
    IReadOnlyList<string> DigitalBehaviours, IReadOnlyList<string> TargetGroups, IReadOnlyList<string> ImplementationCountries);

/// <summary>
/// The one query behind every public view of the winners (gallery, winner page, feed, open data), so that the
/// embargo and the consent are asked in one place. A few distinctions a year: filtering happens in memory.
/// </summary>
public sealed class PublishedWinners(PrizeDbContext db, TimeProvider clock)
{
    /// <param name="preview">
    /// The Secretariat's preview of a page before the release: decided and consented, whatever the release instant.
    /// Only the winner page passes it, only for the Secretariat, and a signed-in response is never cached.
    /// </param>
    public async Task<IReadOnlyList<Winner>> AllAsync(CancellationToken ct, string? reference = null, bool preview = false)
    {
        var now = clock.GetUtcNow().UtcDateTime.AddYears(preview ? 100 : 0);
        var query = from d in db.Decisions.AsNoTracking()
                    join e in db.Entries.AsNoTracking() on d.EntryId equals e.Id
                    join c in db.Calls.AsNoTracking() on d.CallId equals c.Id
                    // The SQL filter only narrows; Embargo.IsLifted below is the rule that decides.
                    where d.Outcome != Outcome.NotSelected && e.ConsentToPublication && e.Reference != null
                          && c.ResultsReleaseAtUtc != null && c.ResultsReleaseAtUtc <= now
                    select new { d, e, c };
        if (reference is not null) query = query.Where(r => r.e.Reference == reference);
        var rows = await query.ToListAsync(ct);
        return rows.Where(r => r.c.IsLifted(now))
            .Select(r => new Winner(r.e.Reference!, r.c.Code, r.c.TitleEn, r.c.TitleFr, r.c.OpensAtUtc.Year, r.c.ResultsReleaseAtUtc!.Value,
                r.d.Outcome, r.d.Rationale, r.e.Language, r.e.Title, r.e.Summary, r.e.Description, r.e.YouthInvolvement, r.e.Evaluation,
                r.e.HumanRights, r.e.Replication, r.e.OrganisationName, r.e.Website, r.e.Eligibility.Country,
                r.e.DigitalBehaviours, r.e.TargetGroups, r.e.ImplementationCountries))
            .OrderByDescending(w => w.ReleasedAtUtc).ThenBy(w => w.CallCode).ThenBy(w => w.Outcome).ThenBy(w => w.Reference, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Winner?> FindAsync(string reference, CancellationToken ct, bool preview = false) =>
        (await AllAsync(ct, reference, preview)).SingleOrDefault();
}
