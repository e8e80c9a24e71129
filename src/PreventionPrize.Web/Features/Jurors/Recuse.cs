using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The juror steps away from an entry, at first sight or later: a hard conflict with source "recusal", so the
/// entry leaves their list at once and any score they gave stops counting.
/// </summary>
public static class Recuse
{
    public static readonly ConflictType[] Types =
        [ConflictType.SameOrganisation, ConflictType.Employment, ConflictType.Funding, ConflictType.Advisory, ConflictType.Family,
         ConflictType.PreviousApplication, ConflictType.Other];

    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        [FromRoute] public string Reference { get; set; } = "";
        public ConflictType? Type { get; set; }
        public string? Reason { get; set; }

        /// <summary>The blind entry around the form (read before the command is validated, so an unseen entry is 404).</summary>
        [BindNever, ValidateNever] public ShowBlindEntry.Model? Page { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Type).Required(l, "Recuse.Type").Must(t => t is null || Types.Contains(t.Value)).WithMessage(_ => l["Recuse.Type"]);
            RuleFor(c => c.Reason).Required(l, "Recuse.Reason").MaxChars(l, "Recuse.Reason", Conflict.ReasonMaxLength);
        }
    }

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(command.Code, ct);
            var entryId = await policy.VisibleIdAsync(member, command.Reference, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var type = command.Type!.Value;
            var reason = command.Reason!.Trim();
            var existing = await db.Conflicts.SingleOrDefaultAsync(c => c.JuryMemberId == member.Id && c.EntryId == entryId && c.Type == type && c.Source == ConflictSource.Recusal, ct);
            if (existing is null)
                db.Conflicts.Add(new Conflict
                {
                    CallId = member.CallId, JuryMemberId = member.Id, EntryId = entryId, Type = type, Severity = ConflictSeverity.Hard,
                    Source = ConflictSource.Recusal, Reason = reason, FoundAtUtc = now, FoundById = member.UserId,
                });
            else (existing.Severity, existing.Reason, existing.ClearedAtUtc, existing.ClearReason) = (ConflictSeverity.Hard, reason, null, null);
            // Abstaining after scoring withdraws the score: the trail says which sheets stop counting.
            var sheets = await db.Scores.AsNoTracking().Where(s => s.EntryId == entryId && s.JuryMemberId == member.Id)
                .OrderBy(s => s.RoundId).Select(s => new { s.RoundId, s.Status }).ToListAsync(ct);
            var withdrawn = sheets.Count == 0 ? "" : "; scores withdrawn: " + string.Join(", ", sheets.Select(s => $"round:{s.RoundId} {s.Status}"));
            // The reason often names a person ("my cousin…"): it stays on the conflict row, which erasure blanks, not in the trail.
            db.Audit(now, member.UserId, "juror.recused", $"entry:{entryId}", $"juror:{member.Id} {type}{withdrawn}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
