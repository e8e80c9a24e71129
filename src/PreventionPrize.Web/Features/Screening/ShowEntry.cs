using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Features.Entries;

namespace PreventionPrize.Web.Features.Screening;

public static class ShowEntry
{
    /// <summary>Answers null for an unknown id; the controller turns that into 404.</summary>
    public sealed record Query(int Id) : IQuery<Model?>;

    /// <summary>One line of the eligibility checklist: a criterion and, when it is not met, why (resource keys).</summary>
    public sealed record Criterion(string Name, string? Problem)
    {
        public bool Met => Problem is null;
    }

    public sealed record VersionRow(int Number, DateTime SubmittedAtUtc, bool Late);

    /// <summary>
    /// This page shows every field, identity included, so the view gets the entry itself (read without tracking)
    /// rather than a projection that would repeat all forty of its properties.
    /// </summary>
    public sealed record Model(
        Entry Entry, string? OwnerEmail, string? ScreenedByEmail, IReadOnlyList<Criterion> Checklist, DateOnly EarliestFinish,
        IReadOnlyList<VersionRow> Versions, bool CallAcceptsSubmissions)
    {
        public bool CanScreen => ScreenEntry.CanScreen(Entry.Status);
    }

    /// <summary>Reads through <see cref="EntryAccess"/> like every entry query, though only the Secretariat reaches this page.</summary>
    public sealed class Handler(PrizeDbContext db, EntryAccess access, TimeProvider clock) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken ct)
        {
            var entry = await access.Readable().AsNoTracking().Include(e => e.Call).Include(e => e.Attachments)
                .SingleOrDefaultAsync(e => e.Id == query.Id, ct);
            if (entry is null) return null;
            var now = clock.GetUtcNow().UtcDateTime;
            var owner = await db.Users.Where(u => u.Id == entry.OwnerId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            var screener = entry.ScreenedById is null ? null
                : await db.Users.Where(u => u.Id == entry.ScreenedById).Select(u => u.Email).SingleOrDefaultAsync(ct);
            var versions = await db.EntryVersions.Where(v => v.EntryId == entry.Id).OrderBy(v => v.Number)
                .Select(v => new VersionRow(v.Number, v.SubmittedAtUtc, v.Late)).ToListAsync(ct);
            // Judged as on the day it was submitted: a "finished" date in the future is wrong then, whatever it is now.
            var reasons = EligibilityCheck.Reasons(entry.Eligibility, entry.Call, entry.SubmittedAtUtc ?? now);
            return new Model(entry, owner, screener, Checklist(reasons), EligibilityCheck.EarliestFinish(entry.Call), versions,
                SubmissionWindow.AcceptsSubmissions(entry.Call, now));
        }

        private static List<Criterion> Checklist(IReadOnlyList<string> reasons)
        {
            string? Problem(params string[] keys) => reasons.FirstOrDefault(keys.Contains) is { } key ? "Screening.Problem." + key.Split('.')[^1] : null;
            return
            [
                new("Screening.Check.FormalStructure", Problem(EligibilityCheck.NoFormalStructure)),
                new("Screening.Check.Youth", Problem(EligibilityCheck.YouthNotInvolved)),
                new("Screening.Check.Timing", Problem(EligibilityCheck.FinishedDateMissing, EligibilityCheck.FinishedTooLongAgo, EligibilityCheck.FinishedInFuture)),
                new("Screening.Check.Country", Problem(EligibilityCheck.CountryNotEligible)),
            ];
        }
    }
}
