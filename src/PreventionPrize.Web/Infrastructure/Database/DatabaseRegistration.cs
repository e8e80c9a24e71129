using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Migrations.Sqlite;
using PreventionPrize.Migrations.SqlServer;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.Web.Infrastructure.Database;

public static class DatabaseRegistration
{
    /// <summary>Chooses the provider from <c>Database:Provider</c>; each provider's migrations project owns its Use call.</summary>
    public static IServiceCollection AddPrizeDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = options.Provider switch
        {
            DatabaseProvider.SqlServer => configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set."),
            _ => SqliteConnectionString(configuration, environment),
        };
        services.AddDbContext<PrizeDbContext>((provider, builder) =>
        {
            if (options.Provider == DatabaseProvider.SqlServer) SqlServerDatabase.Use(builder, connectionString);
            else SqliteDatabase.Use(builder, connectionString).AddInterceptors(BusyTimeout);
            builder.AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>());
        });
        return services;
    }

    private static readonly SqliteBusyTimeout BusyTimeout = new();

    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "prize.db")}";
    }
}
