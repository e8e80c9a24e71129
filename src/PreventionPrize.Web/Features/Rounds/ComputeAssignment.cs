using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Assignment;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Solves the round's assignment from scratch, keeping only the pairs the Secretariat locked. The solver is exact
/// (docs/assignment.md): it covers as many slots as possible, then maximises total suitability with loads balanced.
/// </summary>
public static class ComputeAssignment
{
    public sealed record Command(int RoundId) : ICommand<AssignmentResult>;

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, AssignmentResult>
    {
        public async ValueTask<AssignmentResult> Handle(Command command, CancellationToken ct)
        {
            var round = await db.ForAssignmentChangeAsync(command.RoundId, l, ct);
            var problem = await loader.LoadAsync(round.Id, ct);
            var locked = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id && a.Locked)
                .Select(a => new { a.EntryId, a.JuryMemberId }).ToListAsync(ct);
            var kept = locked.Select(a => (a.EntryId, a.JuryMemberId)).ToHashSet();
            var result = AssignmentSolver.Solve(problem.ToProblem(kept));

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var pair in result.Pairs)
                if (!kept.Contains((problem.Entries[pair.Entry].Id, problem.Jurors[pair.Juror].Id)))
                    db.Assignments.Add(problem.Row(pair.Entry, pair.Juror, AssignmentOrigin.Solver, now));
            round.Touch();
            db.Audit(now, user.Id, "assignment.computed", $"round:{round.Id}",
                $"{result.Pairs.Count} pairs ({locked.Count} locked), suitability {result.Objective}, {result.EntryShortfalls.Count} entries short, {result.JurorShortfalls.Count} jurors under minimum");
            // One statement clears the unlocked pairs, in the transaction that saves the new ones.
            await db.InTransactionAsync(async ct =>
            {
                await db.Assignments.Where(a => a.RoundId == round.Id && !a.Locked).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
            }, ct);
            return result;
        }
    }
}
