using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Closing freezes the scores and opens the results; the jurors are thanked by e-mail. Reopening needs a reason,
/// which the audit trail (and the jury report) keeps.
/// </summary>
public static class CloseRound
{
    public sealed class Command : ICommand
    {
        [FromRoute] public int RoundId { get; set; }
        public bool Reopen { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Reason).Required(l, "Rounds.ReopenReason").MaxChars(l, "Rounds.ReopenReason", 1000).When(c => c.Reopen);
    }

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, MailOutbox outbox, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            if (command.Reopen)
            {
                if (round.Status != RoundStatus.Closed) return Unit.Value;
                (round.Status, round.ClosedAtUtc) = (RoundStatus.Open, null);
                round.Touch();
                db.Audit(now, user.Id, "round.reopened", $"round:{round.Id}", command.Reason!.Trim());
                await db.SaveChangesAsync(ct);
                return Unit.Value;
            }
            if (round.Status == RoundStatus.Closed) return Unit.Value;
            if (round.Status != RoundStatus.Open) throw Rejection.Because(l["Rounds.NotOpen"]);
            (round.Status, round.ClosedAtUtc) = (RoundStatus.Closed, now);
            round.Touch();
            var problem = await loader.LoadAsync(round.Id, ct);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == round.CallId, ct);
            var ids = problem.Jurors.Select(j => j.Id).ToList();
            foreach (var member in await db.JuryMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct))
            {
                var fr = member.Language == "fr";
                await outbox.EnqueueAsync($"jury.roundclosed:{round.Id}:{member.Id}:{now.Ticks}", new MailRecipient(member.Email, member.Name, member.Language),
                    new RoundClosedMail(fr ? call.TitleFr : call.TitleEn, fr ? round.NameFr : round.NameEn), ct);
            }
            db.Audit(now, user.Id, "round.closed", $"round:{round.Id}", $"{problem.Jurors.Count} jurors thanked");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
