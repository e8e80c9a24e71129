using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Home;

public static class ListOpenCalls
{
    public sealed record Query : IQuery<Model>;

    public sealed record Row(string Code, string Title, string Description, WindowState Window, DateTime OpensAtUtc, DateTime ClosesAtUtc);

    public sealed record Model(IReadOnlyList<Row> Open, IReadOnlyList<Row> Upcoming);

    /// <summary>Published calls that accept entries now (closing soonest first) or will soon.</summary>
    public sealed class Handler(PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var published = await db.Calls.AsNoTracking()
                .Where(c => c.Status == CallStatus.Open)
                .OrderBy(c => c.ClosesAtUtc)
                .ToListAsync(ct);
            var rows = published
                .Select(c => new Row(c.Code, Cultures.Pick(c.TitleEn, c.TitleFr), Cultures.Pick(c.DescriptionEn, c.DescriptionFr),
                    SubmissionWindow.Evaluate(c, now), c.OpensAtUtc, c.ClosesAtUtc))
                .ToList();
            return new Model(
                rows.Where(r => r.Window is WindowState.Open or WindowState.Grace).ToList(),
                rows.Where(r => r.Window == WindowState.Upcoming).OrderBy(r => r.OpensAtUtc).ToList());
        }
    }
}
