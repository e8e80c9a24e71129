using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using Stats = PreventionPrize.Scoring;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// The round's results from the submitted scores that count (a binding conflict excludes a score whenever it was
/// found): mean, median and trimmed mean per entry; calibrated scores beside the raw ranking; agreement per
/// criterion and overall; how stable the top places are; where the jurors disagree most (docs/decisions/008).
/// </summary>
public static class RoundResults
{
    public const int TopPlaces = 3;

    /// <summary>
    /// Agreement coefficients from a handful of entries swing wildly (an ICC of −4 from two entries is arithmetic,
    /// not information): below this many entries scored by two or more jurors the page says "not enough data".
    /// </summary>
    public const int MinimumEntriesForAgreement = 5;

    public sealed record Query(int RoundId) : IQuery<Model>;

    public sealed record EntryResult(
        int Id, string Reference, string Title, Stats.EntryAggregate? Raw, Stats.CalibratedEntry? Calibrated, Stats.EntryStability? Stability,
        Stats.EntryDisagreement? Disagreement);

    public sealed record JurorResult(int Id, string Name, IReadOnlyList<double> Totals, Stats.JurorEffect? Effect);

    public sealed record Model(
        string Code, Round Round, IReadOnlyList<Criterion> Criteria, IReadOnlyList<EntryResult> Entries, IReadOnlyList<JurorResult> Jurors,
        Stats.CalibrationResult Calibration, Stats.RoundAgreement Agreement, int CountedScores, int ExcludedScores)
    {
        public IEnumerable<EntryResult> ByRawRank => Entries.Where(e => e.Raw is not null).OrderBy(e => e.Raw!.Rank).ThenBy(e => e.Reference);
        public bool AgreementReliable => Entries.Count(e => e.Raw is { Count: >= 2 }) >= MinimumEntriesForAgreement;

        public IEnumerable<EntryResult> MostDisputed => Entries.Where(e => e.Disagreement is not null)
            .OrderByDescending(e => e.Disagreement!.StandardDeviation).Take(5);
    }

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var problem = await loader.LoadAsync(query.RoundId, ct);
            var round = await db.Rounds.AsNoTracking().Include(r => r.Criteria).SingleAsync(r => r.Id == problem.Round.Id, ct);
            var code = await db.Calls.Where(c => c.Id == round.CallId).Select(c => c.Code).SingleAsync(ct);
            var criteria = round.Criteria.OrderBy(c => c.Position).ToList();
            var excluded = (await policy.ExcludedPairs(round.CallId).ToListAsync(ct)).Select(p => (p.EntryId, p.JuryMemberId)).ToHashSet();
            var sheets = await db.Scores.AsNoTracking().Where(s => s.RoundId == round.Id && s.Status == ScoreStatus.Submitted).ToListAsync(ct);
            var counted = sheets.Where(s => !excluded.Contains((s.EntryId, s.JuryMemberId))
                && problem.EntryIndex(s.EntryId) >= 0 && problem.JurorIndex(s.JuryMemberId) >= 0).ToList();

            var scores = new Stats.RoundScores(criteria.Select(c => new Stats.Criterion(c.NameEn, c.Weight,
                counted.Where(s => s.ValueOf(c.Id) is not null)
                    .Select(s => new Stats.Score(problem.EntryIndex(s.EntryId), problem.JurorIndex(s.JuryMemberId), s.ValueOf(c.Id)!.Value)).ToList())).ToList());
            var totals = scores.WeightedTotals();
            var raw = Stats.Aggregates.Compute(totals).ToDictionary(a => a.Entry);
            var calibration = Stats.Calibration.Fit(totals);
            var calibrated = calibration.Entries.ToDictionary(e => e.Entry);
            var stability = totals.Count == 0 ? [] : Stats.Stability.Bootstrap(totals, TopPlaces).Entries.ToDictionary(e => e.Entry);
            var disagreement = Stats.Disagreement.Rank(totals).ToDictionary(d => d.Entry);

            var entries = problem.Entries.Select((e, i) => new EntryResult(e.Id, e.Reference, e.Title, raw.GetValueOrDefault(i),
                calibrated.GetValueOrDefault(i), stability.GetValueOrDefault(i), disagreement.GetValueOrDefault(i))).ToList();
            var effects = calibration.Jurors.ToDictionary(j => j.Juror);
            var jurors = problem.Jurors.Select((j, i) => new JurorResult(j.Id, j.Name,
                totals.Where(t => t.Juror == i).Select(t => t.Value).ToList(), effects.GetValueOrDefault(i))).ToList();
            return new Model(code, round, criteria, entries, jurors, calibration, Stats.Agreement.Of(scores), counted.Count, sheets.Count - counted.Count);
        }
    }
}
