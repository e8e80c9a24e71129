namespace PreventionPrize.Web.Infrastructure.Database;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when the app starts. Null means the provider's default: on for the embedded
    /// SQLite file, off for SQL Server, where a DBA applies the idempotent script.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
