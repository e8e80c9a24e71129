using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PreventionPrize.Core.Data;
using PreventionPrize.Migrations.Sqlite;
using PreventionPrize.Migrations.SqlServer;

namespace PreventionPrize.IntegrationTests.Database;

/// <summary>Both providers stay in step with the one model, and the production script is valid T-SQL.</summary>
public sealed class MigrationTests
{
    private static PrizeDbContext SqlServerContext() =>
        new((DbContextOptions<PrizeDbContext>)SqlServerDatabase.Use(new DbContextOptionsBuilder<PrizeDbContext>(),
            "Server=localhost;Database=never-opened;TrustServerCertificate=True").Options);

    [Fact]
    public void The_model_has_no_changes_missing_from_the_SQLite_migrations()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = new PrizeDbContext((DbContextOptions<PrizeDbContext>)SqliteDatabase.Use(new DbContextOptionsBuilder<PrizeDbContext>(), "Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the model changed without a SQLite migration.");
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_SQL_Server_migrations()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the model changed without a SQL Server migration.");
    }

    [Fact]
    public async Task The_SQLite_migrations_build_an_empty_database_from_nothing()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PrizeDbContext>();
        options.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
        await using var db = new PrizeDbContext(options.Options);

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Calls.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public void The_idempotent_SQL_Server_script_parses_as_T_SQL_with_no_errors()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var artifacts = Environment.GetEnvironmentVariable("PP_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "pp-artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "migrations-sqlserver-idempotent.sql"), script);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Contains("CREATE TABLE [Calls]", script);
        Assert.Contains("IF NOT EXISTS", script);
    }
}
