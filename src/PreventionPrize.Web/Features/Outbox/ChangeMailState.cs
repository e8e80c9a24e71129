using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Outbox;

public static class ChangeMailState
{
    public enum Change { Retry, Cancel, MarkSent, Resend }

    public sealed record Command(Guid Id, Change Change) : ICommand;

    /// <summary>
    /// A person's decision on one mail: retry a failed one, cancel one not on the wire, or resolve an unknown outcome
    /// (mark it sent, or send it again with the same Message-Id). Each is a conditional update from the states it
    /// applies to, so it cannot overwrite the dispatcher's work; the audit event commits with it.
    /// </summary>
    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, OutboxSignal signal, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            if (!await db.OutboxMessages.AnyAsync(m => m.Id == command.Id, ct)) throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            var (from, set, action) = Plan(command.Change, now);
            var changed = 0;
            await db.InTransactionAsync(async ct =>
            {
                changed = await db.OutboxMessages.Where(m => m.Id == command.Id && from.Contains(m.State)).ExecuteUpdateAsync(set, ct);
                if (changed == 0) return;
                db.Audit(now, user.Id, action, $"outbox:{command.Id}");
                await db.SaveChangesAsync(ct);
            }, ct);
            if (changed == 0) throw Rejection.Because(l["Outbox.ChangedMeanwhile"]);
            if (command.Change is Change.Retry or Change.Resend) signal.Notify();
            return Unit.Value;
        }

        private static (OutboxState[] From, Action<UpdateSettersBuilder<OutboxMessage>> Set, string Action) Plan(Change change, DateTime now) => change switch
        {
            // A retry starts a fresh series of attempts; a resend keeps the count (it already went out once, maybe).
            Change.Retry => ([OutboxState.Failed], s => Requeue(s, now).SetProperty(m => m.Attempts, 0), "outbox.retried"),
            Change.Resend => ([OutboxState.Unknown], s => Requeue(s, now), "outbox.resent"),
            Change.Cancel => (OutboxMessage.Cancellable, s => s.SetProperty(m => m.State, OutboxState.Cancelled).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), "outbox.cancelled"),
            _ => ([OutboxState.Unknown], s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAtUtc, now), "outbox.marked-sent"),
        };

        private static UpdateSettersBuilder<OutboxMessage> Requeue(UpdateSettersBuilder<OutboxMessage> s, DateTime now) =>
            s.SetProperty(m => m.State, OutboxState.Queued).SetProperty(m => m.NextAttemptAtUtc, now)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null);
    }
}
