using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Database;

namespace PreventionPrize.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    /// <summary>Applies migrations when configured to, makes sure the roles exist, and seeds demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PrizeDbContext>();
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.ShouldMigrateOnStartup)
            await db.Database.MigrateAsync();
        // Write-ahead logging: readers never wait for the writer (the outbox dispatcher writes while pages read), and a
        // commit appends to the log instead of rewriting pages. The mode is stored in the file, so once is enough.
        if (options.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Core.Accounts.Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
            await services.GetRequiredService<DemoData>().SeedAsync(app.Logger);
    }
}
