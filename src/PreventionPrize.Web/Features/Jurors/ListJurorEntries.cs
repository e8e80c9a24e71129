using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The juror's page for a call: the steps left before reading entries, then the entries the policy lets them
/// see. A conflicted entry is in no row and no count here.
/// </summary>
public static class ListJurorEntries
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Row(string Reference, string Title, bool Confirmed);

    public sealed record Model(string Code, string TitleEn, string TitleFr, bool IsMinor, JurorStep? NextStep, IReadOnlyList<Row> Entries);

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == member.CallId, ct);
            var step = await membership.NextStepAsync(member, ct);
            var entries = step is not null ? [] : await policy.VisibleEntries(member.Id).OrderBy(e => e.Number)
                .Select(e => new Row(e.Reference!, e.Title, db.FirstSights.Any(s => s.JuryMemberId == member.Id && s.EntryId == e.Id)))
                .ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, member.IsMinor, step, entries);
        }
    }
}
