using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>
/// What the entry pages show around the applicant's own text: the call, its limits and deadline, the entry's
/// state and warnings. The edit view asks for it by id, so a form re-shown after an error has it too.
/// </summary>
public static class EntryPage
{
    public sealed record Query(int EntryId) : IQuery<Model>;

    public sealed record AttachmentRow(Guid Id, string Name, long Size, string ContentType, AttachmentPurpose Purpose, string Sha256, string? MetadataWarning);

    public sealed record VersionRow(int Number, DateTime SubmittedAtUtc, bool Late);

    public sealed record PublishedJuror(int Id, string Name);

    public sealed record Model(
        int EntryId, string CallCode, string CallTitle, string Language, EntryStatus Status, string? Reference,
        WindowState Window, DateTime ClosesAtUtc, int GraceMinutes, EntryRules Rules, IReadOnlyList<string> EligibleCountries,
        EligibilityAnswers Eligibility, IReadOnlyList<string> IdentifierWarnings, IReadOnlyList<AttachmentRow> Attachments,
        IReadOnlyList<VersionRow> Versions, DateTime UpdatedAtUtc, bool CanSaveDraft, bool CanSubmit, bool CanWithdraw,
        IReadOnlyList<PublishedJuror> Jury, Core.Decisions.Outcome? Result)
    {
        public bool CanEdit => CanSaveDraft || CanSubmit;
    }

    public sealed class Handler(EntryAccess access, JuryPolicy policy, PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var entry = await access.Readable().AsNoTracking()
                .Include(e => e.Call).Include(e => e.Attachments).Include(e => e.Versions)
                .SingleOrDefaultAsync(e => e.Id == query.EntryId, ct) ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            var call = entry.Call;
            var jury = await policy.PublishedMembers(call.Id).Select(m => new PublishedJuror(m.Id, m.Name)).ToListAsync(ct);
            // The outcome exists for the applicant only from the release instant (the embargo), never before.
            var result = call.IsLifted(now) ? await db.Decisions.Where(d => d.EntryId == entry.Id).Select(d => (Core.Decisions.Outcome?)d.Outcome).SingleOrDefaultAsync(ct) : null;
            return new Model(entry.Id, call.Code, Cultures.Pick(call.TitleEn, call.TitleFr), entry.Language, entry.Status, entry.Reference,
                SubmissionWindow.Evaluate(call, now), call.ClosesAtUtc, call.GraceMinutes, call.EntryRules, call.EligibleCountries,
                entry.Eligibility, entry.IdentifierWarnings,
                entry.Attachments.OrderBy(a => a.UploadedAtUtc).Select(a => new AttachmentRow(a.Id, a.OriginalName, a.Size, a.ContentType, a.Purpose, a.Sha256, a.MetadataWarning)).ToList(),
                entry.Versions.OrderBy(v => v.Number).Select(v => new VersionRow(v.Number, v.SubmittedAtUtc, v.Late)).ToList(),
                entry.UpdatedAtUtc, EntryPolicy.CanSaveDraft(entry), EntryPolicy.CanSubmit(entry, now), EntryPolicy.CanWithdraw(entry, now), jury, result);
        }
    }
}
