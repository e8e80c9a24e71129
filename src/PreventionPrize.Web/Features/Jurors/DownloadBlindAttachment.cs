using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// A released attachment of an entry the juror may see, once they answered the first-sight question. It goes out
/// under a neutral name (<c>DPP-2026-0007-2.pdf</c>): the applicant's own file name may name them.
/// </summary>
public static class DownloadBlindAttachment
{
    public sealed record Query(string Code, string Reference, int Number) : IQuery<Model>;

    public sealed record Model(string Name, string ContentType, Stream Content);

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy, IFileStore store) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var entryId = await policy.VisibleIdAsync(member, query.Reference, ct);
            if (!await db.FirstSightAnsweredAsync(member.Id, entryId, ct)) throw new NotFoundException();
            var file = (await ShowBlindEntry.ReleasedFilesAsync(db, entryId, ct)).ElementAtOrDefault(query.Number - 1) ?? throw new NotFoundException();
            var key = await db.Attachments.Where(a => a.Id == file.Id).Select(a => a.StorageKey).SingleAsync(ct);
            try
            {
                return new Model($"{query.Reference}-{query.Number}{file.Extension}", file.ContentType, await store.OpenAsync(key, ct));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new NotFoundException();
            }
        }
    }
}
