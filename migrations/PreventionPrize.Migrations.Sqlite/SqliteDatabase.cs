using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Migrations.Sqlite;

/// <summary>The SQLite provider's one entry point: the app and the EF tools both configure it here.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}

/// <summary>Used by <c>dotnet ef</c> only; the connection string is never opened when adding a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PrizeDbContext>
{
    public PrizeDbContext CreateDbContext(string[] args) =>
        new(SqliteDatabase.Use(new DbContextOptionsBuilder<PrizeDbContext>(), "Data Source=design-time.db").Options
            as DbContextOptions<PrizeDbContext> ?? throw new InvalidOperationException());
}
