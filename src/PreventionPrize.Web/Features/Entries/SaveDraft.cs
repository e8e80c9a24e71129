using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mediator;

namespace PreventionPrize.Web.Features.Entries;

public static class SaveDraft
{
    /// <summary>Saves whatever is typed, complete or not (the "Save draft" button and autosave).</summary>
    public sealed class Command : EntryForm, ICommand<Result>;

    public sealed record Result(int Version, DateTime SavedAtUtc, IReadOnlyList<string> IdentifierWarnings);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new EntryDraftRules(l));
    }

    public sealed class Handler(PrizeDbContext db, EntryAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var entry = await access.OwnedAsync(command.Id, ct);
            if (!EntryPolicy.CanSaveDraft(entry))
                throw Rejection.Because(entry.Status == EntryStatus.Submitted ? l["Entry.SubmittedUseResubmit"] : l["Entry.ReadOnly"]);
            if (entry.Version != command.Version) throw Rejection.Because(l["Entry.ChangedElsewhere"]);

            var now = clock.GetUtcNow().UtcDateTime;
            Apply(db, entry, command, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Rejection.Because(l["Entry.ChangedElsewhere"]);
            }
            return new Result(entry.Version, entry.UpdatedAtUtc, entry.IdentifierWarnings);
        }

        /// <summary>Copies the form, recomputes the identifier warnings and bumps the version against the one the form was built from.</summary>
        internal static void Apply(PrizeDbContext db, Entry entry, EntryForm form, DateTime now)
        {
            form.CopyTo(entry);
            entry.IdentifierWarnings = IdentifierCheck.Find(entry);
            entry.Touch(now);
            db.Entry(entry).Property(e => e.Version).OriginalValue = form.Version;
        }
    }
}
