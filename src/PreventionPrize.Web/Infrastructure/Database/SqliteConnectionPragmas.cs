using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreventionPrize.Web.Infrastructure.Database;

/// <summary>
/// Per-connection SQLite settings, set as each connection opens:
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the write lock, polling every few milliseconds, instead of
/// Microsoft.Data.Sqlite, which sets none and retries a busy statement after sleeping 150 ms. Two instances on one file
/// collide on every other write while their dispatchers drain, and each collision cost those 150 ms.
/// Microsoft.Data.Sqlite's own retry still runs after this timeout, up to the command timeout.</item>
/// <item><c>secure_delete</c>: SQLite zeroes the space it frees. Otherwise deleted or overwritten records stay in the
/// file's free pages until reused, so an erased person could still be read from the bytes of the database or of a
/// backup (a few more writes; the database is small).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
