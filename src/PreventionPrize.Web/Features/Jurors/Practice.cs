using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// A short made-up entry to learn the rubric on before scoring for real: the criteria of the juror's open round
/// (or the prize's defaults), nothing saved, the choices read back so the juror can compare them with a worked answer.
/// </summary>
public static class Practice
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Model(string Code, ShowBlindEntry.BlindEntry Entry, IReadOnlyList<Criterion> Criteria, IReadOnlyDictionary<int, int> Suggested);

    public sealed class Handler(PrizeDbContext db, JurorMembership membership) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            // The rubric of the latest open round of the call; the prize's defaults when no round is open yet.
            var latestRound = await db.Rounds.Where(r => r.CallId == member.CallId && r.Status == RoundStatus.Open)
                .OrderByDescending(r => r.Number).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            var criteria = latestRound is { } roundId
                ? await db.Criteria.AsNoTracking().Where(c => c.RoundId == roundId).OrderBy(c => c.Position).ToListAsync(ct)
                : DefaultCriteria.Create();
            // Defaults are not saved, so they have no ids: number them for the form's field names.
            for (var i = 0; i < criteria.Count; i++) if (criteria[i].Id == 0) criteria[i].Id = -(i + 1);
            // The sample is deliberately middling on every criterion: the worked answer is the middle of each scale.
            var suggested = criteria.ToDictionary(c => c.Id, c => (c.ScaleMin + c.ScaleMax) / 2);
            return new Model(query.Code, Sample(), criteria, suggested);
        }
    }

    private static ShowBlindEntry.BlindEntry Sample()
    {
        var fr = Cultures.Current == "fr";
        return new ShowBlindEntry.BlindEntry("PRACTICE", fr ? "fr" : "en",
            fr ? "Soirées jeux entre pairs (exemple d'entraînement)" : "Peer gaming nights (practice example)",
            fr ? "Des lycéens animent des soirées de jeux vidéo où des plus jeunes apprennent à repérer les achats intégrés trompeurs."
               : "Secondary-school pupils run gaming nights where younger players learn to spot misleading in-game purchases.",
            fr ? "Douze animateurs de 16 à 19 ans, formés par une association locale, animent une soirée par mois dans deux maisons de quartier. Chaque soirée mêle jeu, discussion et un petit défi sur le budget."
               : "Twelve mentors aged 16 to 19, trained by a local association, run one evening a month in two community centres. Each evening mixes play, discussion and a small budgeting challenge.",
            fr ? "Les animateurs ont choisi les jeux et écrit les défis ; un comité de jeunes décide du programme." : "The mentors chose the games and wrote the challenges; a youth committee decides the programme.",
            140, 110, 4, ["gaming"], "", ["adolescents"], ["FR"], new DateOnly(2025, 1, 15), null, true,
            fr ? "Questionnaire avant et après chez 60 participants ; pas de groupe témoin." : "Before-and-after questionnaire with 60 participants; no comparison group.",
            fr ? "Gratuit ; une soirée sur deux réservée aux filles à leur demande." : "Free of charge; every other evening reserved for girls, at their request.",
            fr ? "Un guide de 20 pages existe ; financement assuré pour un an." : "A 20-page guide exists; funding is secured for one year.");
    }
}
