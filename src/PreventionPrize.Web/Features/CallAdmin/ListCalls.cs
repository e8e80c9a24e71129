using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.CallAdmin;

public static class ListCalls
{
    public sealed record Query : IQuery<Model>;

    public sealed record Row(string Code, string TitleEn, string TitleFr, CallStatus Status, WindowState Window, DateTime OpensAtUtc, DateTime ClosesAtUtc);

    public sealed record Model(IReadOnlyList<Row> Calls);

    public sealed class Handler(PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.OpensAtUtc).ToListAsync(ct);
            return new Model(calls
                .Select(c => new Row(c.Code, c.TitleEn, c.TitleFr, c.Status, SubmissionWindow.Evaluate(c, now), c.OpensAtUtc, c.ClosesAtUtc))
                .ToList());
        }
    }
}
