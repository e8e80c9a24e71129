using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Screening;

/// <summary>Flagged: a shown field may name the team, or a file's own metadata does.</summary>
public enum EntryFlag { Flagged, IdentifierWarnings, MetadataWarnings, Late }

public enum EntrySort { Reference, ReferenceDesc, Submitted, SubmittedDesc }

public static class ListEntries
{
    public const int PageSize = 50;

    /// <summary>
    /// The entries of a call for the Secretariat. Drafts are not applications yet, so they appear only when asked
    /// for; a filter value that does not bind (a tampered query string) is simply no filter.
    /// </summary>
    public sealed record Query : IQuery<Model>
    {
        public string Code { get; init; } = "";
        public EntryStatus? Status { get; init; }
        public string? Country { get; init; }
        public string? Language { get; init; }
        public EntryFlag? Flag { get; init; }
        public EntrySort Sort { get; init; } = EntrySort.Reference;
        public int Page { get; init; } = 1;
    }

    public sealed record Row(
        int Id, string? Reference, string Title, string OrganisationName, string Country, string Language, EntryStatus Status,
        DateTime? SubmittedAtUtc, bool Late, int IdentifierWarnings, int MetadataWarnings);

    public sealed record Counts(IReadOnlyDictionary<EntryStatus, int> ByStatus, int Late, int Flagged)
    {
        public int Applications => ByStatus.Where(s => s.Key != EntryStatus.Draft).Sum(s => s.Value);
        public int Of(EntryStatus status) => ByStatus.GetValueOrDefault(status);
    }

    public sealed record Model(
        string Code, string TitleEn, string TitleFr, Query Filter, Counts Counts, IReadOnlyList<string> Countries,
        int Total, int Page, IReadOnlyList<Row> Entries)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.Calls.AsNoTracking().Where(c => c.Code == query.Code)
                .Select(c => new { c.Id, c.Code, c.TitleEn, c.TitleFr }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            var all = db.Entries.AsNoTracking().Where(e => e.CallId == call.Id);
            var applications = all.Where(e => e.Status != EntryStatus.Draft);

            var byStatus = await all.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var counts = new Counts(byStatus,
                await applications.CountAsync(e => e.Late, ct),
                await applications.CountAsync(e => e.IdentifierWarnings.Any() || e.Attachments.Any(a => a.MetadataWarning != null), ct));
            var countries = await all.Select(e => e.Eligibility.Country).Where(c => c != "").Distinct().OrderBy(c => c).ToListAsync(ct);

            var filter = query with
            {
                Country = query.Country is { Length: 2 } country ? country.ToUpperInvariant() : null,
                Language = EntryLanguages.All.Contains(query.Language ?? "") ? query.Language : null,
            };
            var entries = Filtered(filter.Status == EntryStatus.Draft ? all : applications, filter);
            var total = await entries.CountAsync(ct);
            var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await Sorted(entries, filter.Sort)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new Row(e.Id, e.Reference, e.Title, e.OrganisationName, e.Eligibility.Country, e.Language, e.Status,
                    e.SubmittedAtUtc, e.Late, e.IdentifierWarnings.Count, e.Attachments.Count(a => a.MetadataWarning != null)))
                .ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, filter with { Page = page }, counts, countries, total, page, rows);
        }

        private static IQueryable<Entry> Filtered(IQueryable<Entry> entries, Query filter)
        {
            if (filter.Status is { } status) entries = entries.Where(e => e.Status == status);
            if (filter.Country is { } country) entries = entries.Where(e => e.Eligibility.Country == country);
            if (filter.Language is { } language) entries = entries.Where(e => e.Language == language);
            return filter.Flag switch
            {
                EntryFlag.Flagged => entries.Where(e => e.IdentifierWarnings.Any() || e.Attachments.Any(a => a.MetadataWarning != null)),
                EntryFlag.IdentifierWarnings => entries.Where(e => e.IdentifierWarnings.Any()),
                EntryFlag.MetadataWarnings => entries.Where(e => e.Attachments.Any(a => a.MetadataWarning != null)),
                EntryFlag.Late => entries.Where(e => e.Late),
                _ => entries,
            };
        }

        // Drafts have no number yet; they sort after the numbered entries, newest first among themselves.
        private static IQueryable<Entry> Sorted(IQueryable<Entry> entries, EntrySort sort) => sort switch
        {
            EntrySort.ReferenceDesc => entries.OrderBy(e => e.Number == null).ThenByDescending(e => e.Number).ThenByDescending(e => e.Id),
            EntrySort.Submitted => entries.OrderBy(e => e.SubmittedAtUtc == null).ThenBy(e => e.SubmittedAtUtc).ThenBy(e => e.Id),
            EntrySort.SubmittedDesc => entries.OrderBy(e => e.SubmittedAtUtc == null).ThenByDescending(e => e.SubmittedAtUtc).ThenByDescending(e => e.Id),
            _ => entries.OrderBy(e => e.Number == null).ThenBy(e => e.Number).ThenByDescending(e => e.Id),
        };
    }
}
