using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Outbox;

public static class ShowMail
{
    public sealed record Query(Guid Id) : IQuery<OutboxMessage>;

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, OutboxMessage>
    {
        public async ValueTask<OutboxMessage> Handle(Query query, CancellationToken ct) =>
            await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.Id, ct) ?? throw new NotFoundException();
    }
}
