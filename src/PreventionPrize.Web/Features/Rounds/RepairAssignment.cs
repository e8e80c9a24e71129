using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Assignment;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// After a recusal, a late conflict, a withdrawn entry or a juror who left: removes the pairs that can no longer
/// stand and fills only the open slots. Every other pair — locked or not — stays exactly as it was.
/// </summary>
public static class RepairAssignment
{
    public sealed record Command(int RoundId) : ICommand<int>;

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var round = await db.ForAssignmentChangeAsync(command.RoundId, l, ct);
            var problem = await loader.LoadAsync(round.Id, ct);
            var existing = await db.Assignments.Where(a => a.RoundId == round.Id).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;

            var gone = existing.Where(a => problem.EntryIndex(a.EntryId) < 0 || problem.JurorIndex(a.JuryMemberId) < 0
                || problem.Forbidden.Contains((problem.EntryIndex(a.EntryId), problem.JurorIndex(a.JuryMemberId)))).ToList();
            foreach (var assignment in gone)
                db.Audit(now, user.Id, "assignment.removed", $"round:{round.Id}", $"entry:{assignment.EntryId} juror:{assignment.JuryMemberId}: no longer possible");
            db.Assignments.RemoveRange(gone);

            var standing = existing.Except(gone).Select(a => problem.PairOf(a.EntryId, a.JuryMemberId)).ToList();
            var repair = AssignmentRepair.Build(problem.ToProblem([]), standing, []);
            var result = AssignmentSolver.Solve(repair);
            var added = result.Pairs.Except(standing).ToList();
            foreach (var pair in added) db.Assignments.Add(problem.Row(pair.Entry, pair.Juror, AssignmentOrigin.Repair, now));
            round.Touch();
            db.Audit(now, user.Id, "assignment.repaired", $"round:{round.Id}", $"{gone.Count} removed, {added.Count} added, {result.EntryShortfalls.Count} entries short");
            await db.SaveChangesAsync(ct);
            return added.Count;
        }
    }
}
