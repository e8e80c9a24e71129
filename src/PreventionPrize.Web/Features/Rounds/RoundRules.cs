using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Rounds;

public static class RoundRules
{
    /// <summary>The round, tracked, for a change the Secretariat makes to its assignment: only before it closes, only in an optimised round.</summary>
    public static async Task<Round> ForAssignmentChangeAsync(this PrizeDbContext db, int roundId, IStringLocalizer l, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (round.Status == RoundStatus.Closed) throw Rejection.Because(l["Rounds.Closed"]);
        if (round.Mode != AssignmentMode.Optimised) throw Rejection.Because(l["Rounds.NotOptimised"]);
        return round;
    }

    /// <summary>An assignment row for a pair of the problem, with its suitability and why.</summary>
    public static JurorAssignment Row(this RoundProblem problem, int entry, int juror, AssignmentOrigin origin, DateTime nowUtc)
    {
        var score = problem.Scores.GetValueOrDefault((entry, juror));
        return new JurorAssignment
        {
            RoundId = problem.Round.Id, EntryId = problem.Entries[entry].Id, JuryMemberId = problem.Jurors[juror].Id, Origin = origin,
            Suitability = score?.Value ?? 0, Explanation = score?.Explanation ?? "", CreatedAtUtc = nowUtc,
        };
    }
}
