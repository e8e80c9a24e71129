using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

using PreventionPrize.Web.Features.Entries;

namespace PreventionPrize.Web.Features.Screening;

public static class ScreenEntry
{
    public const int ReasonMaxLength = 2000;

    /// <summary>Only an application can be screened; a decision may be changed later, and the change is audited.</summary>
    public static bool CanScreen(EntryStatus status) => status is EntryStatus.Submitted or EntryStatus.Eligible or EntryStatus.Ineligible;

    public enum Outcome { Saved, Unchanged, MailNotSent }

    /// <summary><see cref="Version"/> round-trips through the form: a decision taken on a stale page is refused.</summary>
    public sealed class Command : ICommand<Outcome>
    {
        [FromRoute] public int Id { get; set; }
        public EntryStatus? Decision { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }

        /// <summary>The entry page around the form; null when the form comes back with errors (the view reads it again).</summary>
        [BindNever, ValidateNever] public ShowEntry.Model? Page { get; set; }

        public static Command For(ShowEntry.Model page) => new()
        {
            Id = page.Entry.Id,
            Decision = page.Entry.Status is EntryStatus.Eligible or EntryStatus.Ineligible ? page.Entry.Status : null,
            Reason = page.Entry.ScreeningReason,
            Version = page.Entry.Version,
            Page = page,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Decision).Must(d => d is EntryStatus.Eligible or EntryStatus.Ineligible).WithMessage(_ => l["Screening.DecisionRequired"]);
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Decision == EntryStatus.Ineligible)
                .WithMessage(_ => l["Screening.ReasonRequired"]);
            RuleFor(c => c.Reason).MaxChars(l, "Screening.Reason", ReasonMaxLength);
            // Line breaks and tabs are text; other control characters (NUL, escape, bell) are never typed by a person.
            RuleFor(c => c.Reason).Must(r => r is null || !r.Any(ch => char.IsControl(ch) && ch is not ('\r' or '\n' or '\t')))
                .WithMessage(_ => l["Screening.ReasonControlCharacters"]);
        }
    }

    public sealed class Handler(
        PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l,
        EntryMail mail, ILogger<Handler> logger) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken ct)
        {
            var entry = await db.Entries.Include(e => e.Call).SingleOrDefaultAsync(e => e.Id == command.Id, ct) ?? throw new NotFoundException();
            if (!CanScreen(entry.Status)) throw Rejection.Because(l["Screening.CannotScreen", l[$"EntryStatus.{entry.Status}"]]);
            var decision = command.Decision!.Value;
            var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
            // A double click posts the same decision twice; the second finds it taken and changes nothing.
            if (entry.Status == decision && entry.ScreeningReason == reason) return Outcome.Unchanged;
            if (entry.Version != command.Version) throw Rejection.Because(l["Screening.ChangedByOther"]);

            var previous = entry.Status;
            var now = clock.GetUtcNow().UtcDateTime;
            entry.Status = decision;
            entry.ScreenedAtUtc = now;
            entry.ScreenedById = user.RequiredId;
            entry.ScreeningReason = reason;
            entry.Touch(now);
            db.Entry(entry).Property(e => e.Version).OriginalValue = command.Version;
            db.Audit(now, user.Id, "entry.screened", $"entry:{entry.Id}",
                $"{entry.Reference}: {previous} -> {decision}" + (reason is null ? "" : $"; {reason}"));
            // The outcome e-mail commits with the decision (the outbox delivers it), so neither exists without the other.
            var ownerEmail = await db.Users.Where(u => u.Id == entry.OwnerId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            var queued = await mail.QueueEligibilityOutcomeAsync(entry, ownerEmail, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Rejection.Because(l["Screening.ChangedByOther"]);
            }
            if (queued == 0) logger.LogWarning("Entry {EntryId} has no valid address for its eligibility outcome", entry.Id);
            return queued == 0 ? Outcome.MailNotSent : Outcome.Saved;
        }
    }
}
