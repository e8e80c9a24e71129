using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Features.JuryAdmin;

namespace PreventionPrize.Web.Features.Rounds;

public static class ListRounds
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Row(int Id, int Number, string NameEn, string NameFr, RoundStatus Status, AssignmentMode Mode, DateTime ScoringDeadlineUtc);

    public sealed record Model(string Code, string TitleEn, string TitleFr, IReadOnlyList<Row> Rounds);

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.CallId == call.Id).OrderBy(r => r.Number)
                .Select(r => new Row(r.Id, r.Number, r.NameEn, r.NameFr, r.Status, r.Mode, r.ScoringDeadlineUtc)).ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, rounds);
        }
    }
}
