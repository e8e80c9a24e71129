using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Features.JuryAdmin;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Decisions;

/// <summary>The result e-mail an applicant will get at the release, exactly as it will be queued (language, feedback).</summary>
public static class PreviewResult
{
    public sealed record Query(string Code, int EntryId) : IQuery<Model>;

    public sealed record Model(string Code, string Reference, RenderedMail Mail);

    public sealed class Handler(PrizeDbContext db, ResultsRelease release, MailRenderer renderer) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.EntryId == query.EntryId && d.CallId == call.Id, ct)
                ?? throw new NotFoundException();
            var entry = await db.Entries.AsNoTracking().Include(e => e.Call).SingleAsync(e => e.Id == decision.EntryId, ct);
            var mail = EntryMail.ResultModel(entry, decision, await release.FeedbackAsync(call.Id, entry.Id, ct));
            return new Model(call.Code, entry.Reference ?? "", renderer.Render(mail, entry.Language));
        }
    }
}
