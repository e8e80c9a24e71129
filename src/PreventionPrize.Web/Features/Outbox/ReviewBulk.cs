using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Outbox;

public static class ReviewBulk
{
    public const int RecipientsShown = 200;

    public sealed record Query(Guid BulkId) : IQuery<Model>;

    public sealed record Sample(string Language, string Subject, string TextBody, string HtmlBody);

    public sealed record Model(Guid BulkId, int Total, IReadOnlyDictionary<OutboxState, int> Counts, IReadOnlyList<Sample> Samples, IReadOnlyList<string> Recipients)
    {
        public int Held => Counts.GetValueOrDefault(OutboxState.Held);
    }

    /// <summary>What exactly will go out: one rendered mail per language, and who gets it.</summary>
    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var rows = db.OutboxMessages.AsNoTracking().Where(m => m.BulkId == query.BulkId);
            var counts = await rows.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            if (counts.Count == 0) throw new NotFoundException();
            var samples = new List<Sample>();
            foreach (var language in new[] { "en", "fr" })
            {
                var sample = await rows.Where(m => m.Language == language).OrderBy(m => m.Id)
                    .Select(m => new Sample(m.Language, m.Subject, m.TextBody, m.HtmlBody)).FirstOrDefaultAsync(ct);
                if (sample is not null) samples.Add(sample);
            }
            var recipients = await rows.OrderBy(m => m.ToAddress).Select(m => m.ToAddress).Take(RecipientsShown).ToListAsync(ct);
            return new Model(query.BulkId, counts.Sum(c => c.Count), counts.ToDictionary(c => c.Key, c => c.Count), samples, recipients);
        }
    }
}
