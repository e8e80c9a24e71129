using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.CallAdmin;

public static class EditCall
{
    public sealed record Query(string Code) : IQuery<Command>;

    /// <summary><see cref="Version"/> round-trips through the form so two people editing at once cannot overwrite each other.</summary>
    public sealed class Command : CallForm, ICommand
    {
        public string Code { get; set; } = "";
        public int Version { get; set; }
        public CallStatus Status { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new CallFormValidator(l));
    }

    public sealed class QueryHandler(PrizeDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Code == query.Code, ct) ?? throw new NotFoundException();
            var command = new Command { Code = call.Code, Version = call.Version, Status = call.Status };
            command.CopyFrom(call);
            return command;
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Code == command.Code, ct) ?? throw new NotFoundException();
            if (call.Version != command.Version) throw Rejection.Because(l["Validation.ChangedByOther"]);
            if (!CallRules.IsEditable(call.Status)) throw Rejection.Because(l["Validation.CallNotEditable"]);

            var previousDeadline = call.ClosesAtUtc;
            command.CopyTo(call);
            var now = clock.GetUtcNow().UtcDateTime;
            call.Touch(now);
            // EF compares the token with the value read above; a concurrent save in between fails here, not silently.
            db.Entry(call).Property(c => c.Version).OriginalValue = command.Version;
            db.Audit(now, user.Id, "call.edited", $"call:{call.Code}");
            if (previousDeadline != call.ClosesAtUtc)
                db.Audit(now, user.Id, "call.deadline-moved", $"call:{call.Code}", $"{previousDeadline:O} -> {call.ClosesAtUtc:O}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Rejection.Because(l["Validation.ChangedByOther"]);
            }
            return Unit.Value;
        }
    }
}
