using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;

namespace PreventionPrize.Web.Features.Outbox;

public static class ListOutbox
{
    public const int PageSize = 50;

    public sealed record Query(OutboxState? State, string? Search, int Page = 1) : IQuery<Model>;

    public sealed record Row(Guid Id, DateTime CreatedAtUtc, string ToAddress, string Kind, string Subject, OutboxState State, int Attempts);

    public sealed record HeldBulk(Guid BulkId, int Count, DateTime CreatedAtUtc);

    public sealed record Model(OutboxState? State, string? Search, int Page, int Total, IReadOnlyDictionary<OutboxState, int> Counts,
        IReadOnlyList<HeldBulk> HeldBulks, IReadOnlyList<Row> Mails)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var counts = await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var held = await db.OutboxMessages.Where(m => m.State == OutboxState.Held && m.BulkId != null)
                .GroupBy(m => m.BulkId!.Value).Select(g => new HeldBulk(g.Key, g.Count(), g.Min(m => m.CreatedAtUtc))).ToListAsync(ct);

            var mails = db.OutboxMessages.AsNoTracking();
            if (query.State is { } state) mails = mails.Where(m => m.State == state);
            var search = query.Search?.Trim();
            if (!string.IsNullOrEmpty(search))
            {
                var lower = search.ToLowerInvariant();
                mails = mails.Where(m => m.ToAddress.ToLower().Contains(lower) || m.Kind.Contains(lower));
            }
            var total = await mails.CountAsync(ct);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await mails.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(m => new Row(m.Id, m.CreatedAtUtc, m.ToAddress, m.Kind, m.Subject, m.State, m.Attempts))
                .ToListAsync(ct);
            return new Model(query.State, search, page, total,
                Enum.GetValues<OutboxState>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
                held.OrderByDescending(h => h.CreatedAtUtc).ToList(), rows);
        }
    }
}
