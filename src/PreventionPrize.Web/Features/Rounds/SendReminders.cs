using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>One click: every juror with scores still to submit gets one reminder saying how many (never which entries).</summary>
public static class SendReminders
{
    public sealed record Command(int RoundId) : ICommand<int>;

    public sealed class Handler(PrizeDbContext db, IMediator mediator, MailOutbox outbox, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var monitor = await mediator.Send(new RoundMonitor.Query(command.RoundId), ct);
            var round = await db.Rounds.SingleAsync(r => r.Id == command.RoundId, ct);
            if (round.Status != RoundStatus.Open) throw Rejection.Because(l["Rounds.NotOpen"]);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == round.CallId, ct);
            round.Reminders++;
            round.Touch();
            var sent = 0;
            var ids = monitor.Problem.Jurors.Select(j => j.Id).ToList();
            var members = await db.JuryMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            for (var j = 0; j < monitor.Problem.Jurors.Count; j++)
            {
                if (monitor.ByJuror[j].Missing == 0) continue;
                var member = members[monitor.Problem.Jurors[j].Id];
                var fr = member.Language == "fr";
                await outbox.EnqueueAsync($"jury.scoringreminder:{round.Id}:{member.Id}:{round.Reminders}", new MailRecipient(member.Email, member.Name, member.Language),
                    new ScoringReminderMail(fr ? call.TitleFr : call.TitleEn, fr ? round.NameFr : round.NameEn, monitor.ByJuror[j].Missing, round.ScoringDeadlineUtc, $"/jury/{call.Code}"), ct);
                sent++;
            }
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "round.reminded", $"round:{round.Id}", $"batch {round.Reminders}: {sent} jurors");
            await db.SaveChangesAsync(ct);
            return sent;
        }
    }
}
