using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.Core.Data;

public static class Transactions
{
    /// <summary>
    /// Runs several SaveChanges as one transaction (e.g. a new row, then the audit event that needs its id).
    /// Goes through the execution strategy because SQL Server's retrying strategy refuses bare user transactions.
    /// </summary>
    public static Task InTransactionAsync(this PrizeDbContext db, Func<Task> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work();
            await transaction.CommitAsync(ct);
        });
}
