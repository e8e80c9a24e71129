using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The entry as a juror may see it: the practice, never the identity fields (organisation, people, links,
/// country of the applicant, account). The projection below is the whole list of what leaves the database for
/// a juror; a field added to the entry is invisible here until someone decides it belongs to the practice.
/// </summary>
public static class ShowBlindEntry
{
    public sealed record Query(string Code, string Reference) : IQuery<Model>;

    public sealed record BlindEntry(
        string Reference, string Language, string Title, string Summary, string Description, string YouthInvolvement,
        int? ParticipantsUnder25, int? ParticipantsUnder18, int? Adults, List<string> DigitalBehaviours, string DigitalBehaviourOther,
        List<string> TargetGroups, List<string> ImplementationCountries, DateOnly? StartDate, DateOnly? EndDate, bool Ongoing,
        string Evaluation, string HumanRights, string Replication);

    /// <summary>A released attachment as a juror sees it: a number, a type and a size — never the applicant's file name.</summary>
    public sealed record BlindFile(Guid Id, string ContentType, long Size)
    {
        public string Extension => ContentType switch { "application/pdf" => ".pdf", "image/png" => ".png", "image/jpeg" => ".jpg", _ => "" };
    }

    /// <summary>Until the juror answers the first-sight question, only the title and summary are shown.</summary>
    public sealed record Model(string Code, BlindEntry Entry, bool FirstSightAnswered, IReadOnlyList<BlindFile> Files);

    /// <summary>The entry's supporting files the Secretariat released, in upload order: their position is their number.</summary>
    public static Task<List<BlindFile>> ReleasedFilesAsync(PrizeDbContext db, int entryId, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.EntryId == entryId && a.ReleasedToJury && a.Purpose == Core.Entries.AttachmentPurpose.Supporting)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id).Select(a => new BlindFile(a.Id, a.ContentType, a.Size)).ToListAsync(ct);

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var found = await policy.VisibleEntries(member.Id).Where(e => e.Reference == query.Reference)
                .Select(e => new { e.Id, Blind = new BlindEntry(e.Reference!, e.Language, e.Title, e.Summary, e.Description, e.YouthInvolvement,
                    e.ParticipantsUnder25, e.ParticipantsUnder18, e.Adults, e.DigitalBehaviours, e.DigitalBehaviourOther, e.TargetGroups,
                    e.ImplementationCountries, e.StartDate, e.EndDate, e.Ongoing, e.Evaluation, e.HumanRights, e.Replication) })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            var answered = await db.FirstSightAnsweredAsync(member.Id, found.Id, ct);
            return new Model(query.Code, found.Blind, answered, answered ? await ReleasedFilesAsync(db, found.Id, ct) : []);
        }
    }
}
