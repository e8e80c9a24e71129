using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Outbox;

public static class DecideBulk
{
    /// <summary>Release (queue for sending) or discard every mail of a bulk message still held; returns how many.</summary>
    public sealed record Command(Guid BulkId, bool Release) : ICommand<int>;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, OutboxSignal signal) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = 0;
            await db.InTransactionAsync(async ct =>
            {
                var held = db.OutboxMessages.Where(m => m.BulkId == command.BulkId && m.State == OutboxState.Held);
                changed = command.Release
                    ? await held.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued).SetProperty(m => m.NextAttemptAtUtc, now), ct)
                    : await held.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Cancelled), ct);
                if (changed == 0) return;
                db.Audit(now, user.Id, command.Release ? "outbox.bulk.released" : "outbox.bulk.discarded", $"bulk:{command.BulkId:N}", $"{changed} mails");
                await db.SaveChangesAsync(ct);
            }, ct);
            if (command.Release && changed > 0) signal.Notify();
            return changed;
        }
    }
}
