using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// The Secretariat gives a juror an entry by hand. The same rules as the solver's: never a binding conflict, never
/// a language the juror does not read (unless a translation was approved). A manual pair is locked.
/// </summary>
public static class AddAssignment
{
    public sealed class Command : ICommand
    {
        [FromRoute] public int RoundId { get; set; }
        public int? EntryId { get; set; }
        public int? JuryMemberId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.EntryId).Required(l, "Conflicts.Entry");
            RuleFor(c => c.JuryMemberId).Required(l, "Conflicts.Juror");
        }
    }

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var round = await db.ForAssignmentChangeAsync(command.RoundId, l, ct);
            var problem = await loader.LoadAsync(round.Id, ct);
            var (e, j) = (problem.EntryIndex(command.EntryId!.Value), problem.JurorIndex(command.JuryMemberId!.Value));
            if (e < 0 || j < 0) throw Rejection.Because(l["Rounds.NotInRound"]);
            if (problem.ForbiddenWhy.TryGetValue((e, j), out var why)) throw Rejection.Because(l["Rounds.Forbidden", ForbiddenText.Of(why, l)]);
            var now = clock.GetUtcNow().UtcDateTime;
            // A pair the solver already made is locked rather than left as it was: the page promises "added and locked".
            var row = await db.Assignments.SingleOrDefaultAsync(a => a.RoundId == round.Id && a.EntryId == command.EntryId && a.JuryMemberId == command.JuryMemberId, ct);
            if (row is { Locked: true }) return Unit.Value;
            if (row is null) db.Assignments.Add(row = problem.Row(e, j, AssignmentOrigin.Manual, now));
            row.Locked = true;
            round.Touch();
            db.Audit(now, user.Id, "assignment.added", $"round:{round.Id}", $"entry:{row.EntryId} juror:{row.JuryMemberId}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
