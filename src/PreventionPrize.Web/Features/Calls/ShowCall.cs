using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Calls;

public static class ShowCall
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Model(string Code, string Title, string Description, string Rules, WindowState Window,
        DateTime OpensAtUtc, DateTime ClosesAtUtc, int GraceMinutes, IReadOnlyList<string> EligibleCountries, IReadOnlyList<string> EntryLanguages,
        IReadOnlyList<string> Jury, IReadOnlyList<Result> Results);

    /// <summary>A distinction, public from the release instant; the project is named only if its team consented to publication.</summary>
    public sealed record Result(Core.Decisions.Outcome Outcome, string? Title, string? OrganisationName);

    /// <summary>The public page of a published call; a draft does not exist for the public (404).</summary>
    public sealed class Handler(PrizeDbContext db, JuryPolicy policy, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Code == query.Code && c.Status != CallStatus.Draft, ct)
                ?? throw new NotFoundException();
            var jury = await policy.PublishedMembers(call.Id).Select(m => m.Name).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var results = !call.IsLifted(now) ? [] : (await db.Decisions.AsNoTracking()
                    .Where(d => d.CallId == call.Id && d.Outcome != Core.Decisions.Outcome.NotSelected)
                    .Join(db.Entries, d => d.EntryId, e => e.Id, (d, e) => new { d.Outcome, e.Title, e.OrganisationName, e.ConsentToPublication })
                    .ToListAsync(ct))
                .OrderBy(r => r.Outcome)
                .Select(r => r.ConsentToPublication ? new Result(r.Outcome, r.Title, r.OrganisationName) : new Result(r.Outcome, null, null)).ToList();
            return new Model(call.Code, Cultures.Pick(call.TitleEn, call.TitleFr), Cultures.Pick(call.DescriptionEn, call.DescriptionFr),
                Cultures.Pick(call.RulesEn, call.RulesFr), SubmissionWindow.Evaluate(call, now),
                call.OpensAtUtc, call.ClosesAtUtc, call.GraceMinutes, call.EligibleCountries, call.EntryLanguages, jury, results);
        }
    }
}
