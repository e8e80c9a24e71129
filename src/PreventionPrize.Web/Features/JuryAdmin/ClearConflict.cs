using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// Only a soft, unpinned conflict can be cleared, and only with a reason: hard conflicts (same organisation,
/// a declared relationship, a recusal) are the jury's integrity and stay. The row stays too, marked cleared.
/// </summary>
public static class ClearConflict
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        [FromRoute] public int ConflictId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Reason).Required(l, "Conflicts.ClearReason").MaxChars(l, "Conflicts.ClearReason", Conflict.ReasonMaxLength);
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var conflict = await db.Conflicts.SingleOrDefaultAsync(c => c.Id == command.ConflictId && c.CallId == call.Id, ct) ?? throw new NotFoundException();
            if (!conflict.Active) return Unit.Value;
            if (conflict.Binding) throw Rejection.Because(l["Conflicts.CannotClearHard"]);
            var now = clock.GetUtcNow().UtcDateTime;
            conflict.ClearedAtUtc = now;
            conflict.ClearedById = user.RequiredId;
            conflict.ClearReason = command.Reason!.Trim();
            db.Audit(now, user.Id, "conflict.cleared", $"entry:{conflict.EntryId}", $"juror:{conflict.JuryMemberId} {conflict.Type}"); // the reason: on the row, not in the trail
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
