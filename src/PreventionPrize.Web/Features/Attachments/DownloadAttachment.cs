using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Attachments;

public static class DownloadAttachment
{
    public sealed record Query(int EntryId, Guid AttachmentId) : IQuery<Model>;

    public sealed record Model(string Name, string ContentType, Stream Content);

    /// <summary>Through <see cref="EntryAccess.Readable"/>: the owner and the Secretariat; anyone else gets 404.</summary>
    public sealed class Handler(EntryAccess access, IFileStore store, ILogger<Handler> logger) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var file = await access.Readable().Where(e => e.Id == query.EntryId)
                .SelectMany(e => e.Attachments).Where(a => a.Id == query.AttachmentId)
                .Select(a => new { a.OriginalName, a.ContentType, a.StorageKey })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            try
            {
                return new Model(file.OriginalName, file.ContentType, await store.OpenAsync(file.StorageKey, ct));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                logger.LogError(e, "Attachment {Id} has no file under {Key}", query.AttachmentId, file.StorageKey);
                throw new NotFoundException();
            }
        }
    }
}
