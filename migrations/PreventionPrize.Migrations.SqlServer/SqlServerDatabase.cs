using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Migrations.SqlServer;

/// <summary>The SQL Server provider's one entry point: the app and the EF tools both configure it here.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name);
            sql.EnableRetryOnFailure();
        });
}

/// <summary>Used by <c>dotnet ef</c> only; the connection string is never opened when adding a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PrizeDbContext>
{
    public PrizeDbContext CreateDbContext(string[] args) =>
        new(SqlServerDatabase.Use(new DbContextOptionsBuilder<PrizeDbContext>(),
                "Server=localhost;Database=PreventionPrize;Trusted_Connection=True;TrustServerCertificate=True").Options
            as DbContextOptions<PrizeDbContext> ?? throw new InvalidOperationException());
}
