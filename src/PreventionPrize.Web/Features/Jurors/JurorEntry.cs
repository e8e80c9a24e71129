using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Jurors;

public static class JurorEntry
{
    /// <summary>The id of an entry the juror may see, by its reference; 404 otherwise, exactly as for an entry that does not exist.</summary>
    public static async Task<int> VisibleIdAsync(this JuryPolicy policy, JuryMember member, string reference, CancellationToken ct) =>
        await policy.VisibleEntries(member.Id).Where(e => e.Reference == reference).Select(e => (int?)e.Id).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();

    /// <summary>Whether the juror answered the first-sight question for the entry (no conflict): before that, only title and summary.</summary>
    public static Task<bool> FirstSightAnsweredAsync(this PrizeDbContext db, int juryMemberId, int entryId, CancellationToken ct) =>
        db.FirstSights.AsNoTracking().AnyAsync(s => s.JuryMemberId == juryMemberId && s.EntryId == entryId, ct);
}
