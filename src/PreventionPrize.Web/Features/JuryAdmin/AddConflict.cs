using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>The Secretariat records a conflict it learnt of (a phone call, a news item): hard and pinned at once.</summary>
public static class AddConflict
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        public int? JuryMemberId { get; set; }
        public int? EntryId { get; set; }
        public ConflictType? Type { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.JuryMemberId).Required(l, "Conflicts.Juror");
            RuleFor(c => c.EntryId).Required(l, "Conflicts.Entry");
            RuleFor(c => c.Type).Required(l, "Conflicts.Type");
            RuleFor(c => c.Reason).Required(l, "Conflicts.Reason").MaxChars(l, "Conflicts.Reason", Conflict.ReasonMaxLength);
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            if (!await db.JuryMembers.AnyAsync(m => m.Id == command.JuryMemberId && m.CallId == call.Id, ct))
                throw Rejection.Because(l["Conflicts.UnknownJuror"], nameof(Command.JuryMemberId));
            if (!await db.Entries.AnyAsync(e => e.Id == command.EntryId && e.CallId == call.Id, ct))
                throw Rejection.Because(l["Conflicts.UnknownEntry"], nameof(Command.EntryId));
            var existing = await db.Conflicts.SingleOrDefaultAsync(c => c.JuryMemberId == command.JuryMemberId && c.EntryId == command.EntryId
                && c.Type == command.Type && c.Source == ConflictSource.Secretariat, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var reason = command.Reason!.Trim();
            if (existing is null)
                db.Conflicts.Add(new Conflict
                {
                    CallId = call.Id, JuryMemberId = command.JuryMemberId!.Value, EntryId = command.EntryId!.Value, Type = command.Type!.Value,
                    Severity = ConflictSeverity.Hard, Source = ConflictSource.Secretariat, Reason = reason, FoundAtUtc = now,
                    FoundById = user.RequiredId, Pinned = true,
                });
            else
            {
                // Recorded again after it was cleared: it binds again, with the new reason.
                (existing.Reason, existing.Pinned, existing.Severity, existing.ClearedAtUtc, existing.ClearReason) = (reason, true, ConflictSeverity.Hard, null, null);
            }
            // The reason stays on the conflict row, which erasure and retention can blank; the append-only trail keeps the fact.
            db.Audit(now, user.Id, "conflict.added", $"entry:{command.EntryId}", $"juror:{command.JuryMemberId} {command.Type}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
