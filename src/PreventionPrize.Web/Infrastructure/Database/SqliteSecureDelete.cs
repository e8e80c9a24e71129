using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreventionPrize.Web.Infrastructure.Database;

/// <summary>
/// SQLite leaves deleted or overwritten records in the file's free space until the page is reused, so an erased
/// person could still be read from the bytes of the database or of a backup. <c>secure_delete</c> makes SQLite
/// zero that space as it frees it (a few more writes; the database is small). It is a per-connection setting.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

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
