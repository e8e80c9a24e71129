using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Entries;

public static class ListMyEntries
{
    public sealed record Query : IQuery<Model>;

    public sealed record Row(int Id, string? Reference, string Title, string CallTitle, EntryStatus Status, DateTime UpdatedAtUtc,
        DateTime ClosesAtUtc, WindowState Window, bool CanEdit);

    public sealed record Model(IReadOnlyList<Row> Entries);

    /// <summary>The signed-in applicant's own entries, newest first.</summary>
    public sealed class Handler(PrizeDbContext db, CurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var userId = user.RequiredId;
            var now = clock.GetUtcNow().UtcDateTime;
            var entries = await db.Entries.AsNoTracking().Include(e => e.Call)
                .Where(e => e.OwnerId == userId)
                .OrderByDescending(e => e.UpdatedAtUtc)
                .ToListAsync(ct);
            return new Model(entries.Select(e => new Row(e.Id, e.Reference, e.Title, Cultures.Pick(e.Call.TitleEn, e.Call.TitleFr), e.Status,
                e.UpdatedAtUtc, e.Call.ClosesAtUtc, SubmissionWindow.Evaluate(e.Call, now), EntryPolicy.CanEdit(e, now))).ToList());
        }
    }
}
