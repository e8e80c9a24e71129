using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.CallAdmin;

public static class OpenCall
{
    /// <summary>Publishes the call: it appears on the home page and accepts entries between its opening and closing instants.</summary>
    public sealed record Command(string Code) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Code == command.Code, ct) ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            if (!CallRules.CanOpen(call.Status)) throw Rejection.Because(l["Validation.CannotOpen"]);
            if (call.ClosesAtUtc.AddMinutes(call.GraceMinutes) <= now) throw Rejection.Because(l["Validation.OpenAfterDeadline"]);
            call.Status = CallStatus.Open;
            call.Touch(now);
            db.Audit(now, user.Id, "call.opened", $"call:{call.Code}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
