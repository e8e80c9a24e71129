using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreventionPrize.Web.Infrastructure.Database;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>, polling every few milliseconds) instead of
/// Microsoft.Data.Sqlite, which sets no busy timeout and retries a busy statement after sleeping 150 ms. Two instances
/// on one file collide on every other write while their dispatchers drain, and each collision cost those 150 ms.
/// Microsoft.Data.Sqlite's own retry still runs after this timeout, up to the command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
