using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Features.JuryAdmin;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// A new round starts with every eligible entry and every juror who accepted (the Secretariat narrows the choice
/// on the round's page); a later round will start from a shortlist.
/// </summary>
public static class CreateRound
{
    public sealed class Command : RoundForm, ICommand<int>
    {
        [FromRoute] public string Code { get; set; } = "";
    }

    public sealed class Validator : FluentValidation.AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new RoundFormRules<Command>(l));
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var round = new Round { CallId = call.Id, Number = 1 + await db.Rounds.CountAsync(r => r.CallId == call.Id, ct), CreatedAtUtc = now };
            command.CopyTo(round);
            round.Criteria = Core.Scoring.DefaultCriteria.Create();
            db.Rounds.Add(round);
            db.Audit(now, user.Id, "round.created", $"call:{call.Code}", $"round {round.Number}: {round.NameEn}, {round.Mode}");
            await db.SaveChangesAsync(ct);
            return round.Id;
        }
    }
}
