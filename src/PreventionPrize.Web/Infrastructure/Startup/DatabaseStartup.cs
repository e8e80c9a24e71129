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
        if (services.GetRequiredService<DatabaseOptions>().ShouldMigrateOnStartup)
            await db.Database.MigrateAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Core.Accounts.Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
            await services.GetRequiredService<DemoData>().SeedAsync(app.Logger);
    }
}
