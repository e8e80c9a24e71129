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

/// <summary>
/// Opens the round to its jurors: from now on each sees the entries given to them, and each gets one e-mail (in
/// their language, through the outbox, in the same transaction) saying how many. The mail counts entries; it
/// never names one. Publishing again after a repair tells everyone again, once.
/// </summary>
public static class PublishAssignments
{
    public sealed record Command(int RoundId) : ICommand<int>;

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, MailOutbox outbox, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new Infrastructure.Mvc.NotFoundException();
            if (round.Status == RoundStatus.Closed) throw Rejection.Because(l["Rounds.Closed"]);
            var problem = await loader.LoadAsync(round.Id, ct);
            var pairs = problem.GivenPairs(await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct));
            if (pairs.Count == 0) throw Rejection.Because(l["Rounds.NothingToPublish"]);

            var now = clock.GetUtcNow().UtcDateTime;
            round.Status = RoundStatus.Open;
            round.AssignmentsPublishedAtUtc = now;
            round.Publications++;
            round.Touch();
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == round.CallId, ct);
            var members = await db.JuryMembers.AsNoTracking().Where(m => m.CallId == call.Id).ToDictionaryAsync(m => m.Id, ct);
            var told = 0;
            foreach (var group in pairs.GroupBy(p => p.Juror))
            {
                var member = members[problem.Jurors[group.Key].Id];
                var fr = member.Language == "fr";
                await outbox.EnqueueAsync($"jury.assignments:{round.Id}:{member.Id}:{round.Publications}", new MailRecipient(member.Email, member.Name, member.Language),
                    new AssignmentsPublishedMail(fr ? call.TitleFr : call.TitleEn, fr ? round.NameFr : round.NameEn, group.Count(), round.ScoringDeadlineUtc, $"/jury/{call.Code}"), ct);
                told++;
            }
            db.Audit(now, user.Id, "round.published", $"round:{round.Id}", $"publication {round.Publications}: {pairs.Count} pairs, {told} jurors told");
            await db.SaveChangesAsync(ct);
            return told;
        }
    }
}
