using Mediator;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// Lists the jurors who accepted on the call's public page (names only), so applicants can declare a
/// relationship with one of them on the entry form. Unpublishing hides the list again.
/// </summary>
public static class PublishJury
{
    public sealed record Command(string Code, bool Publish) : ICommand;

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            if ((call.JuryPublishedAtUtc is not null) == command.Publish) return Unit.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            call.JuryPublishedAtUtc = command.Publish ? now : null;
            call.Touch(now);
            db.Audit(now, user.Id, command.Publish ? "jury.published" : "jury.unpublished", $"call:{call.Code}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
