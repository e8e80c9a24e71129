using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>
/// The one rule for who may reach an entry (and its files): its owner, and the Secretariat. Everyone else
/// gets 404, the same answer as for an entry that does not exist, so an id probe learns nothing. Jurors will
/// reach entries only through the blind projection of the scoring issues, never through this.
/// </summary>
public sealed class EntryAccess(PrizeDbContext db, CurrentUser user, IHttpContextAccessor http)
{
    private bool IsSecretariat => http.HttpContext?.User.IsInRole(Roles.Secretariat) == true;

    /// <summary>The entry, tracked, if the current user owns it (for changes only the applicant may make).</summary>
    public async Task<Entry> OwnedAsync(int id, CancellationToken ct, bool withAttachments = false)
    {
        var userId = user.Id;
        var query = db.Entries.Include(e => e.Call).AsQueryable();
        if (withAttachments) query = query.Include(e => e.Attachments);
        return await query.SingleOrDefaultAsync(e => e.Id == id && userId != null && e.OwnerId == userId, ct) ?? throw new NotFoundException();
    }

    /// <summary>
    /// 404 unless the current user owns the entry: asked before a form is validated, so that for anyone else a bad
    /// form is not re-shown (or a validation message answered) about an entry that does not exist for them.
    /// </summary>
    public async Task MustOwnAsync(int id, CancellationToken ct)
    {
        var userId = user.Id;
        if (userId is null || !await db.Entries.AnyAsync(e => e.Id == id && e.OwnerId == userId, ct)) throw new NotFoundException();
    }

    /// <summary>Entries the current user may read: their own, or all of them for the Secretariat.</summary>
    public IQueryable<Entry> Readable()
    {
        if (IsSecretariat) return db.Entries;
        var userId = user.Id;
        return userId is null ? db.Entries.Where(_ => false) : db.Entries.Where(e => e.OwnerId == userId);
    }
}
