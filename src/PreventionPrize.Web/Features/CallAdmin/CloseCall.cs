using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.CallAdmin;

public static class CloseCall
{
    /// <summary>Stops submissions now, whatever the deadline says (e.g. a call withdrawn); drafts are kept.</summary>
    public sealed record Command(string Code) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Code == command.Code, ct) ?? throw new NotFoundException();
            if (!CallRules.CanClose(call.Status)) throw Rejection.Because(l["Validation.CannotClose"]);
            var now = clock.GetUtcNow().UtcDateTime;
            call.Status = CallStatus.Closed;
            call.Touch(now);
            db.Audit(now, user.Id, "call.closed", $"call:{call.Code}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
