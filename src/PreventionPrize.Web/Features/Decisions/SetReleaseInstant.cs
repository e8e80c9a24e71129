using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Features.Gallery;
using PreventionPrize.Web.Features.JuryAdmin;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>
/// Sets or moves the release instant (the ceremony, in Strasbourg time), or clears it. Once the instant has
/// passed the results are out, and it can no longer move: nothing can be un-told.
/// </summary>
public static class SetReleaseInstant
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        public DateTime? ReleaseAtLocal { get; set; }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l,
        IOutputCacheStore gallery) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (call.ResultsReleasedAtUtc is not null || call.IsLifted(now)) throw Rejection.Because(l["Decisions.AlreadyReleased"]);
            var at = command.ReleaseAtLocal is { } local ? Strasbourg.ToUtc(local) : (DateTime?)null;
            if (at is { } instant && instant <= now) throw Rejection.Because(l["Decisions.ReleaseInPast"], nameof(Command.ReleaseAtLocal));
            db.Audit(now, user.Id, "results.releaseinstant", $"call:{call.Code}", $"{call.ResultsReleaseAtUtc:O} -> {at:O}");
            call.ResultsReleaseAtUtc = at;
            call.Touch(now);
            await db.SaveChangesAsync(ct);
            // A moved instant changes what the gallery may show and when; its cached answers go.
            await gallery.EvictAsync(ct);
            return Unit.Value;
        }
    }
}
