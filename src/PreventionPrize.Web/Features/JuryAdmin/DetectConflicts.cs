using Mediator;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// Sets what the same-country rule means for the call and runs detection over every juror and entry. Detection
/// also runs by itself whenever a profile, declaration or entry changes; this is the Secretariat's "check now".
/// </summary>
public static class DetectConflicts
{
    public sealed record Command(string Code, CountryConflictRule? CountryRule) : ICommand<int>;

    public sealed class Handler(PrizeDbContext db, ConflictDetection detection, TimeProvider clock, CurrentUser user) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (command.CountryRule is { } rule && rule != call.CountryConflictRule)
            {
                db.Audit(now, user.Id, "call.countryrule", $"call:{call.Code}", $"{call.CountryConflictRule} -> {rule}");
                call.CountryConflictRule = rule;
                call.Touch(now);
            }
            var found = await detection.RunAsync(call.Id, now, ct);
            await db.SaveChangesAsync(ct);
            return found;
        }
    }
}
