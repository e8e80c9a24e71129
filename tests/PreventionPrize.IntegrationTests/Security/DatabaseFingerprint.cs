using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// Row count and an order-free hash of every row of every table the model maps, read with plain SQL (both providers),
/// so that "nothing changed" means nothing, not "the entities a test thought of did not change".
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>
    /// Left out: the audit trail and the outbox (a refused sign-in is audited, a refused registration of a known
    /// address sends that owner a mail, by design; neither is the user's data), and the data-protection keys and
    /// scheduled-job leases, which the framework and background services write on their own schedule.
    /// </summary>
    public static readonly string[] IgnoredTables = ["AuditEvents", "OutboxMessages", "DataProtectionKeys", "ScheduledJobs", "__EFMigrationsHistory"];

    /// <summary>
    /// Left out of the accounts table: the failure counter and lockout that a wrong password or code must move (a
    /// refusal that did not count would be the bug), and the concurrency stamp Identity renews with them.
    /// </summary>
    public static readonly string[] IgnoredAccountColumns = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"];

    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(PrizeAppFactory app) => app.WithDbAsync<IReadOnlyDictionary<string, string>>(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Except(IgnoredTables).Order(StringComparer.Ordinal).ToList();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            foreach (var table in tables) result[table] = await TableAsync(connection, table);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    });

    /// <summary>The tables whose content differs, for a failure message.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();

    private static async Task<string> TableAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var line = new StringBuilder();
        while (await reader.ReadAsync())
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (table == "AspNetUsers" && IgnoredAccountColumns.Contains(reader.GetName(i))) continue;
                var value = reader.GetValue(i);
                line.Append(reader.GetName(i)).Append('=')
                    .Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))
                    .Append('\u001f');
            }
            rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(line.ToString()))));
        }
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(rows))))[..16]}";
    }
}
