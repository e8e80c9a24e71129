using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Features.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>What <c>_Attachments.cshtml</c> shows: the files, the call's limits, and whether the applicant may change them.</summary>
public sealed record AttachmentsPanel(
    int EntryId,
    bool Editable,
    int MaxFiles,
    int MaxMegabytes,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<AttachmentRow> Files,
    string ReturnUrl,
    string? UploadError = null)
{
    public bool Full => Files.Count >= MaxFiles;

    public string Accept => FileKinds.Accept(Kinds);

    public static string DefaultReturnUrl(int entryId) => $"/entries/{entryId}/edit";

    /// <summary>
    /// For a page that has already loaded the entry with its <see cref="Entry.Call"/> and <see cref="Entry.Attachments"/>.
    /// <paramref name="isOwner"/>: only the owner changes files; the Secretariat reads them.
    /// </summary>
    public static AttachmentsPanel For(Entry entry, bool isOwner, DateTime nowUtc, string? returnUrl = null, string? uploadError = null)
    {
        var rules = entry.Call.EntryRules;
        return new AttachmentsPanel(
            entry.Id,
            isOwner && AttachmentRules.CanChange(entry, nowUtc),
            rules.MaxAttachments,
            AttachmentRules.MaxMegabytes(rules),
            AttachmentKinds.All.Where(rules.AttachmentKinds.Contains).ToList(),
            entry.Attachments.OrderBy(a => a.UploadedAtUtc).Select(AttachmentRow.Of).ToList(),
            returnUrl ?? DefaultReturnUrl(entry.Id),
            uploadError);
    }
}

public sealed record AttachmentRow(
    Guid Id, string Name, long Size, string Kind, AttachmentPurpose Purpose, string Sha256, string? MetadataWarning, DateTime UploadedAtUtc)
{
    public static AttachmentRow Of(Attachment a) =>
        new(a.Id, a.OriginalName, a.Size, FileKinds.KindOf(a.ContentType), a.Purpose, a.Sha256, a.MetadataWarning, a.UploadedAtUtc);

    public IReadOnlyList<(string Field, string Kind)> Warnings => MetadataWarnings.Parse(MetadataWarning);
}

public static class ListAttachments
{
    /// <summary>The panel alone, for a page that does not load the entry itself and for the upload script's refresh.</summary>
    public sealed record Query(int EntryId, string? ReturnUrl = null) : IQuery<AttachmentsPanel>;

    public sealed class Handler(EntryAccess access, CurrentUser user, TimeProvider clock) : IQueryHandler<Query, AttachmentsPanel>
    {
        public async ValueTask<AttachmentsPanel> Handle(Query query, CancellationToken ct)
        {
            var entry = await access.Readable().AsNoTracking().Include(e => e.Call).Include(e => e.Attachments)
                .SingleOrDefaultAsync(e => e.Id == query.EntryId, ct) ?? throw new NotFoundException();
            return AttachmentsPanel.For(entry, entry.OwnerId == user.Id, clock.GetUtcNow().UtcDateTime, query.ReturnUrl);
        }
    }
}
