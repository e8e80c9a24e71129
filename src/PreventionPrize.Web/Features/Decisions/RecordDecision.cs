using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Features.Gallery;
using PreventionPrize.Web.Features.JuryAdmin;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>Records or changes an entry's outcome and the jury's rationale, until the results are released.</summary>
public static class RecordDecision
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        [FromRoute] public int EntryId { get; set; }
        public Outcome? Outcome { get; set; }
        public string? Rationale { get; set; }
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Outcome).Required(l, "Decisions.Outcome");
            RuleFor(c => c.Rationale).Required(l, "Decisions.Rationale").When(c => c.Outcome is { } o && o.IsPrize())
                .MaxChars(l, "Decisions.Rationale", Decision.RationaleMaxLength);
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l,
        IOutputCacheStore gallery) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (call.ResultsReleasedAtUtc is not null || call.IsLifted(now)) throw Rejection.Because(l["Decisions.AlreadyReleased"]);
            if (!await db.Entries.AnyAsync(e => e.Id == command.EntryId && e.CallId == call.Id && JuryPolicy.JudgedStatuses.Contains(e.Status), ct))
                throw new NotFoundException();
            var decision = await db.Decisions.SingleOrDefaultAsync(d => d.EntryId == command.EntryId, ct);
            var before = decision is null ? "none" : $"{decision.Outcome}";
            var previousRationale = decision?.Rationale;
            if (decision is null) db.Decisions.Add(decision = new Decision { CallId = call.Id, EntryId = command.EntryId });
            else if (decision.Version != command.Version) throw Rejection.Because(l["Decisions.ChangedByOther"]);
            decision.Outcome = command.Outcome!.Value;
            decision.Rationale = command.Rationale?.Trim() ?? "";
            decision.DecidedAtUtc = now;
            decision.DecidedById = user.RequiredId;
            decision.Version++;
            // The rationale may name the applicant's organisation; it lives on the decision (which erasure can reach),
            // and the trail says only whether it changed.
            var rationale = previousRationale is null ? (decision.Rationale == "" ? "no rationale" : "rationale written")
                : previousRationale == decision.Rationale ? "rationale unchanged" : "rationale changed";
            db.Audit(now, user.Id, "decision.recorded", $"entry:{command.EntryId}", $"call:{call.Code} {before} -> {decision.Outcome}; {rationale}");
            await db.SaveChangesAsync(ct);
            // The gallery's cached answers may include this call once released; evict rather than wait for expiry.
            await gallery.EvictAsync(ct);
            return Unit.Value;
        }
    }
}
