using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// What the scoring form needs beside the blind entry: the round (open, or closed and read-only), its criteria,
/// the juror's sheet, and — when the round's setting allows it — the other jurors' submitted scores, unnamed
/// ("Juror A"), conflicted ones excluded.
/// </summary>
public static class ScoreSheet
{
    public sealed record Query(string Code, string Reference) : IQuery<Model?>;

    public sealed record OtherScore(string Label, IReadOnlyList<CriterionValue> Values);

    public sealed record Model(Round Round, IReadOnlyList<Criterion> Criteria, JurorScore? Sheet, IReadOnlyList<OtherScore>? Others);

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var entryId = await policy.VisibleIdAsync(member, query.Reference, ct);
            var round = await policy.RoundsGiving(member.Id, entryId).AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(ct);
            if (round is null) return null;
            var sheet = await db.Scores.AsNoTracking().SingleOrDefaultAsync(s => s.RoundId == round.Id && s.EntryId == entryId && s.JuryMemberId == member.Id, ct);
            var mayCompare = round.ScoreVisibility switch
            {
                ScoreVisibility.AfterOwnSubmitted => sheet?.Status == ScoreStatus.Submitted,
                ScoreVisibility.AfterRoundClosed => round.Status == RoundStatus.Closed,
                _ => false,
            };
            IReadOnlyList<OtherScore>? others = null;
            if (mayCompare)
            {
                // Read first: EF Core cannot use the policy's Distinct() projection as a subquery inside this filter.
                var excluded = (await policy.ExcludedPairs(round.CallId).ToListAsync(ct)).Where(x => x.EntryId == entryId).Select(x => x.JuryMemberId).ToHashSet();
                var rows = (await db.Scores.AsNoTracking()
                    .Where(s => s.RoundId == round.Id && s.EntryId == entryId && s.JuryMemberId != member.Id && s.Status == ScoreStatus.Submitted)
                    .OrderBy(s => s.Id).ToListAsync(ct))
                    .Where(s => !excluded.Contains(s.JuryMemberId)).ToList();
                others = rows.Select((s, i) => new OtherScore(((char)('A' + i % 26)).ToString(), s.Values)).ToList();
            }
            return new Model(round, round.Criteria.OrderBy(c => c.Position).ToList(), sheet, others);
        }
    }
}
