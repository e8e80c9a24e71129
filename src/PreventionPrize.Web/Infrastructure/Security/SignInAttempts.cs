using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Infrastructure.Security;

public static class SignInAttempts
{
    /// <summary>
    /// Saves the audit events of a sign-in step (password, code, recovery code, passkey, re-authentication). Identity
    /// saves the account's own changes itself; when two attempts race on the account row it reports the lost
    /// optimistic-concurrency race as a failure but leaves the account's changes pending in the context, and saving them
    /// again would throw. The race is already lost: what remains to save is the audit record.
    /// </summary>
    public static Task SaveAttemptAsync(this PrizeDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<AppUser>().Where(e => e.State == EntityState.Modified))
            entry.State = EntityState.Unchanged;
        return db.SaveChangesAsync(ct);
    }
}
