using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.IntegrationTests.Privacy;

/// <summary>
/// Looks for a string everywhere the database could keep it: every value of every column of every table (listed by
/// the database itself, not by the model, so a table nobody thought of is read too), and on SQLite the raw bytes of
/// the file after a checkpoint, where free space would still hold a record that was merely unlinked.
/// </summary>
public static class DatabaseScan
{
    public static async Task<List<string>> FindAsync(PrizeAppFactory app, string needle)
    {
        var found = new List<string>();
        await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = await ListAsync(connection, app.OnSqlServer
                ? "SELECT TABLE_SCHEMA + '].[' + TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'");
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = app.OnSqlServer ? $"SELECT * FROM [{table}]" : $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (await reader.IsDBNullAsync(i)) continue;
                        var value = reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i)) ?? "";
                        if (value.Contains(needle, StringComparison.OrdinalIgnoreCase)) found.Add($"{table}.{reader.GetName(i)}");
                    }
            }
            if (!app.OnSqlServer)
            {
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            return 0;
        });
        if (!app.OnSqlServer)
        {
            foreach (var path in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy);
                if (Encoding.Latin1.GetString(copy.ToArray()).Contains(needle, StringComparison.OrdinalIgnoreCase)) found.Add($"(bytes of {Path.GetFileName(path)})");
            }
        }
        return found;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
