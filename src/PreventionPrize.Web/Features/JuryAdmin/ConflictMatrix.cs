using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>Jurors × entries with every conflict ever found, its source and what became of it.</summary>
public static class ConflictMatrix
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Juror(int Id, string Name);

    public sealed record EntryRow(int Id, string Reference, string Title, string OrganisationName);

    public sealed record Item(
        int Id, int JuryMemberId, int EntryId, ConflictType Type, ConflictSeverity Severity, ConflictSource Source, string Reason,
        DateTime FoundAtUtc, bool Pinned, DateTime? ClearedAtUtc, string? ClearReason)
    {
        public bool Active => ClearedAtUtc is null;
        public bool Binding => Active && (Severity == ConflictSeverity.Hard || Pinned);
    }

    public sealed record Model(
        string Code, string TitleEn, string TitleFr, CountryConflictRule CountryRule,
        IReadOnlyList<Juror> Jurors, IReadOnlyList<EntryRow> Entries, IReadOnlyList<Item> Conflicts)
    {
        public IEnumerable<Item> At(int entryId, int jurorId) => Conflicts.Where(c => c.EntryId == entryId && c.JuryMemberId == jurorId);
        public string JurorName(int id) => Jurors.FirstOrDefault(j => j.Id == id)?.Name ?? "?";
        public string Reference(int id) => Entries.FirstOrDefault(e => e.Id == id)?.Reference ?? "?";
    }

    public sealed class Handler(PrizeDbContext db, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var jurors = await policy.ActiveMembers(call.Id).OrderBy(m => m.Name).Select(m => new Juror(m.Id, m.Name)).ToListAsync(ct);
            var entries = await db.Entries.AsNoTracking()
                .Where(e => e.CallId == call.Id && e.Reference != null && (e.Status == Core.Entries.EntryStatus.Submitted || JuryPolicy.JudgedStatuses.Contains(e.Status)))
                .OrderBy(e => e.Number).Select(e => new EntryRow(e.Id, e.Reference!, e.Title, e.OrganisationName)).ToListAsync(ct);
            var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.CallId == call.Id).OrderBy(c => c.FoundAtUtc).ThenBy(c => c.Id)
                .Select(c => new Item(c.Id, c.JuryMemberId, c.EntryId, c.Type, c.Severity, c.Source, c.Reason, c.FoundAtUtc, c.Pinned, c.ClearedAtUtc, c.ClearReason))
                .ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, call.CountryConflictRule, jurors, entries, conflicts);
        }
    }
}
