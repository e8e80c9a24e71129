using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>A round for the Secretariat: its settings, its choice of entries and jurors, and its assignment explained.</summary>
public static class ShowRound
{
    public sealed record Query(int RoundId) : IQuery<Model>;

    public sealed record Choice(int Id, string Label, bool Chosen, bool Translated);

    public sealed record Model(
        string Code, string TitleEn, string TitleFr, RoundProblem Problem, AssignmentReport Report,
        IReadOnlyList<Choice> EntryChoices, IReadOnlyList<Choice> JurorChoices)
    {
        public Round Round => Problem.Round;
        /// <summary>The settings form as the round stands now.</summary>
        public EditRound.Command Form()
        {
            var form = RoundForm.From<EditRound.Command>(Round);
            form.RoundId = Round.Id;
            form.Version = Round.Version;
            form.AllEligibleEntries = Round.AllEligibleEntries;
            form.AllJurors = Round.AllJurors;
            form.Page = this;
            return form;
        }
    }

    public sealed class Handler(PrizeDbContext db, RoundProblemLoader loader, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var problem = await loader.LoadAsync(query.RoundId, ct);
            var round = problem.Round;
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == round.CallId, ct);
            var rows = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct);
            var chosen = round.Entries.ToDictionary(e => e.EntryId, e => e.TranslationApproved);
            var entryChoices = await db.Entries.AsNoTracking().Where(e => e.CallId == call.Id && JuryPolicy.JudgedStatuses.Contains(e.Status))
                .OrderBy(e => e.Number).Select(e => new { e.Id, e.Reference, e.Title, e.Language }).ToListAsync(ct);
            var jurorChoices = await policy.ActiveMembers(call.Id).AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
            var roundJurors = round.Jurors.Select(j => j.JuryMemberId).ToHashSet();
            return new Model(call.Code, call.TitleEn, call.TitleFr, problem, AssignmentReport.Of(problem, rows),
                entryChoices.Select(e => new Choice(e.Id, $"{e.Reference} — {e.Title} ({e.Language})", round.AllEligibleEntries || chosen.ContainsKey(e.Id), chosen.GetValueOrDefault(e.Id))).ToList(),
                jurorChoices.Select(j => new Choice(j.Id, j.Name, round.AllJurors || roundJurors.Contains(j.Id), false)).ToList());
        }
    }
}
