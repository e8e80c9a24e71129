using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// Advances the top N of a round (by raw rank, ties at the edge included) or a chosen set to a new round with
/// the prize's criteria and every juror; the Secretariat then adjusts its jury, criteria and deadline.
/// </summary>
public static class AdvanceShortlist
{
    public sealed class Command : ICommand<int>
    {
        [FromRoute] public int RoundId { get; set; }
        public int? Top { get; set; }
        public List<int> EntryIds { get; set; } = [];
    }

    public sealed class Handler(PrizeDbContext db, IMediator mediator, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var results = await mediator.Send(new RoundResults.Query(command.RoundId), ct);
            var ranked = results.ByRawRank.ToList();
            var chosen = command.EntryIds.Count > 0
                ? ranked.Where(e => command.EntryIds.Contains(e.Id)).Select(e => e.Id).ToList()
                : command.Top is > 0 and var top ? ranked.Where(e => e.Raw!.Rank <= top).Select(e => e.Id).ToList() : [];
            if (chosen.Count == 0) throw Rejection.Because(l["Shortlist.Empty"]);

            var source = results.Round;
            var now = clock.GetUtcNow().UtcDateTime;
            var round = new Round
            {
                CallId = source.CallId, Number = 1 + await db.Rounds.CountAsync(r => r.CallId == source.CallId, ct),
                NameEn = $"Shortlist of {source.NameEn}", NameFr = $"Sélection du {source.NameFr}", ScoringDeadlineUtc = now.AddDays(21),
                Mode = AssignmentMode.EveryJurorEveryEntry, AllEligibleEntries = false, AllJurors = true, CreatedAtUtc = now,
                Criteria = DefaultCriteria.Create(),
                Entries = chosen.Select(id => new RoundEntry { EntryId = id }).ToList(),
            };
            db.Rounds.Add(round);
            db.Audit(now, user.Id, "round.shortlisted", $"round:{source.Id}", $"{chosen.Count} entries advanced to round {round.Number}: {string.Join(",", chosen)}");
            await db.SaveChangesAsync(ct);
            return round.Id;
        }
    }
}
