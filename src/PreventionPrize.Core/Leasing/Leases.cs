using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace PreventionPrize.Core.Leasing;

/// <summary>
/// Claims rows with one conditional UPDATE (… WHERE lease is free), which SQLite and SQL Server both apply
/// atomically: two workers racing for a row cannot both match the condition, so the one whose update touched the
/// row owns it. No SELECT … FOR UPDATE, no provider hints.
/// </summary>
public static class Leases
{
    /// <summary>A token no other worker or claim will use: the lease owner written on the rows of one claim.</summary>
    public static string NewToken(string worker) => $"{worker}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>Claims the one row <paramref name="row"/> selects if its lease is free; true iff this call got it (rows affected = 1).</summary>
    public static async Task<bool> TryClaimAsync<T>(this IQueryable<T> row, string token, DateTime nowUtc, TimeSpan duration,
        CancellationToken ct, Action<UpdateSettersBuilder<T>>? alsoSet = null)
        where T : class, ILeased =>
        await row.ClaimAsync(token, nowUtc, duration, ct, alsoSet) == 1;

    /// <summary>
    /// Claims every row <paramref name="rows"/> selects whose lease is free, in one statement, and returns how many it
    /// got; the rows are then those whose <see cref="ILeased.LeaseOwner"/> is <paramref name="token"/>.
    /// </summary>
    public static Task<int> ClaimAsync<T>(this IQueryable<T> rows, string token, DateTime nowUtc, TimeSpan duration,
        CancellationToken ct, Action<UpdateSettersBuilder<T>>? alsoSet = null)
        where T : class, ILeased
    {
        var until = nowUtc + duration;
        return rows.Where(r => r.LeaseUntilUtc == null || r.LeaseUntilUtc < nowUtc)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.LeaseOwner, token).SetProperty(r => r.LeaseUntilUtc, until);
                alsoSet?.Invoke(s);
            }, ct);
    }
}
