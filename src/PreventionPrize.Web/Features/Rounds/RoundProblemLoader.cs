using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>Reads a round's entries, jurors, conflicts and languages into a <see cref="RoundProblem"/>: four queries, whatever the size.</summary>
public sealed class RoundProblemLoader(PrizeDbContext db, JuryPolicy policy)
{
    public async Task<RoundProblem> LoadAsync(int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.Entries).Include(r => r.Jurors)
            .SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var chosen = round.Entries.Select(e => e.EntryId).ToList();
        var translated = round.Entries.Where(e => e.TranslationApproved).Select(e => e.EntryId).ToHashSet();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.CallId == round.CallId && JuryPolicy.JudgedStatuses.Contains(e.Status) && (round.AllEligibleEntries || chosen.Contains(e.Id)))
            .OrderBy(e => e.Number)
            .Select(e => new { e.Id, e.Reference, e.Title, e.Language, e.DigitalBehaviours, e.TargetGroups })
            .ToListAsync(ct);
        var roundJurors = round.Jurors.Select(j => j.JuryMemberId).ToList();
        var jurors = await policy.ActiveMembers(round.CallId).AsNoTracking()
            .Where(m => round.AllJurors || roundJurors.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Email, m.Profile }).ToListAsync(ct);
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.CallId == round.CallId && c.ClearedAtUtc == null)
            .Select(c => new { c.EntryId, c.JuryMemberId, c.Type, Binding = c.Severity == ConflictSeverity.Hard || c.Pinned })
            .ToListAsync(ct);

        var entryInfos = entries.Select(e => new RoundProblem.EntryInfo(e.Id, e.Reference ?? "", e.Title, e.Language, e.DigitalBehaviours, e.TargetGroups, translated.Contains(e.Id))).ToList();
        var jurorInfos = jurors.Select(j => new RoundProblem.JurorInfo(j.Id, j.Name, j.Email, j.Profile.Countries.FirstOrDefault() ?? "",
            j.Profile.ReadsLanguages, j.Profile.DigitalBehaviours, j.Profile.TargetGroups)).ToList();
        var scores = new Dictionary<(int, int), Suitability.Score>();
        var why = new Dictionary<(int, int), string>();
        var byPair = conflicts.ToLookup(c => (c.EntryId, c.JuryMemberId));
        for (var e = 0; e < entryInfos.Count; e++)
            for (var j = 0; j < jurorInfos.Count; j++)
            {
                var (entry, juror) = (entryInfos[e], jurorInfos[j]);
                var pairConflicts = byPair[(entry.Id, juror.Id)].ToList();
                if (pairConflicts.FirstOrDefault(c => c.Binding) is { } binding) why[(e, j)] = $"conflict:{binding.Type}";
                else if (!juror.Reads.Contains(entry.Language) && !entry.TranslationApproved) why[(e, j)] = $"language:{entry.Language}";
                else if (Suitability.Of(juror.Behaviours, juror.Targets, entry.Behaviours, entry.Targets, pairConflicts.Select(c => c.Type.ToString())) is { Parts.Count: > 0 } score)
                    scores[(e, j)] = score;
            }
        var problem = new RoundProblem
        {
            Round = round, Entries = entryInfos, Jurors = jurorInfos, Scores = scores, Forbidden = why.Keys.ToHashSet(), ForbiddenWhy = why,
        };
        return problem;
    }
}
