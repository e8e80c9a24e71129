using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>The calls the current user judges.</summary>
public static class MyJury
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Code, string TitleEn, string TitleFr);

    public sealed class Handler(PrizeDbContext db, CurrentUser user) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken ct)
        {
            var userId = user.RequiredId;
            return await db.JuryMembers.AsNoTracking().Where(m => m.UserId == userId && m.Status == InvitationStatus.Accepted)
                .Join(db.Calls, m => m.CallId, c => c.Id, (m, c) => c).OrderByDescending(c => c.ClosesAtUtc)
                .Select(c => new Row(c.Code, c.TitleEn, c.TitleFr)).ToListAsync(ct);
        }
    }
}
