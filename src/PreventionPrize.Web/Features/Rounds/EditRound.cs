using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// The round's settings and its choice of entries and jurors. Changing them leaves the assignment as it is: the
/// page then shows what no longer fits, and "repair" or "compute" brings it in line.
/// </summary>
public static class EditRound
{
    public sealed class Command : RoundForm, ICommand
    {
        [FromRoute] public int RoundId { get; set; }
        public int Version { get; set; }
        public bool AllEligibleEntries { get; set; } = true;
        public List<int> EntryIds { get; set; } = [];
        public bool AllJurors { get; set; } = true;
        public List<int> JurorIds { get; set; } = [];
        public List<int> TranslatedEntryIds { get; set; } = [];

        /// <summary>The round page around the form; null when the form comes back with errors (the view reads it again).</summary>
        [BindNever, ValidateNever] public ShowRound.Model? Page { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new RoundFormRules<Command>(l));
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Rounds.Include(r => r.Entries).Include(r => r.Jurors).SingleOrDefaultAsync(r => r.Id == command.RoundId, ct)
                ?? throw new NotFoundException();
            if (round.Status == RoundStatus.Closed) throw Rejection.Because(l["Rounds.Closed"]);
            if (round.Version != command.Version) throw Rejection.Because(l["Rounds.ChangedByOther"]);
            // Only this call's entries and jurors can be chosen, whatever the form posts.
            var entryIds = await db.Entries.Where(e => e.CallId == round.CallId && (command.EntryIds.Contains(e.Id) || command.TranslatedEntryIds.Contains(e.Id)))
                .Select(e => e.Id).ToListAsync(ct);
            var jurorIds = await db.JuryMembers.Where(m => m.CallId == round.CallId && command.JurorIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);

            var previousDeadline = round.ScoringDeadlineUtc;
            command.CopyTo(round);
            round.AllEligibleEntries = command.AllEligibleEntries;
            round.AllJurors = command.AllJurors;
            round.Entries.Clear();
            // In a shortlist a row means "chosen", so a ticked translation alone must not bring an entry in.
            round.Entries.AddRange(entryIds.Where(id => round.AllEligibleEntries ? command.TranslatedEntryIds.Contains(id) : command.EntryIds.Contains(id))
                .Select(id => new RoundEntry { RoundId = round.Id, EntryId = id, TranslationApproved = command.TranslatedEntryIds.Contains(id) }));
            round.Jurors.Clear();
            if (!round.AllJurors) round.Jurors.AddRange(jurorIds.Select(id => new RoundJuror { RoundId = round.Id, JuryMemberId = id }));
            round.Touch();
            db.Entry(round).Property(r => r.Version).OriginalValue = command.Version;
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "round.changed", $"round:{round.Id}",
                $"{round.Mode}, k={round.JurorsPerEntry}, loads {round.MinLoad}-{round.MaxLoad}, country cap {round.MaxJurorsPerCountry?.ToString() ?? "none"}, "
                + $"entries {(round.AllEligibleEntries ? "all eligible" : string.Join(",", entryIds))}, jurors {(round.AllJurors ? "all" : string.Join(",", jurorIds))}");
            if (round.ScoringDeadlineUtc != previousDeadline)
                db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "round.deadline-moved", $"round:{round.Id}", $"{previousDeadline:O} -> {round.ScoringDeadlineUtc:O}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
