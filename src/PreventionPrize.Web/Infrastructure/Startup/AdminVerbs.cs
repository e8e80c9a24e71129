using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Infrastructure.Startup;

/// <summary>
/// Command-line verbs that run instead of the web server, with the app's own configuration and database:
/// <c>create-secretariat --email ADDRESS</c> makes the first Secretariat account on a fresh install. The password
/// comes from PP_ADMIN_PASSWORD or is generated and printed once.
/// </summary>
public static class AdminVerbs
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-secretariat") return null;
        var emailIndex = Array.IndexOf(args, "--email");
        if (emailIndex < 0 || emailIndex + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: create-secretariat --email ADDRESS   (password from PP_ADMIN_PASSWORD, else generated)");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var email = args[emailIndex + 1];

        var user = await users.FindByEmailAsync(email);
        string? generated = null;
        if (user is null)
        {
            var password = Environment.GetEnvironmentVariable("PP_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(password)) password = generated = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = now };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return Fail(created);
        }
        if (!await users.IsInRoleAsync(user, Roles.Secretariat))
        {
            var added = await users.AddToRoleAsync(user, Roles.Secretariat);
            if (!added.Succeeded) return Fail(added);
        }
        db.Audit(now, null, "role.granted", $"user:{user.Id}", $"{Roles.Secretariat} (command line)");
        await db.SaveChangesAsync();
        Console.WriteLine($"{email} is a Secretariat account.");
        if (generated is not null) Console.WriteLine($"Password (shown once, change it after signing in): {generated}");
        return 0;
    }

    private static int Fail(IdentityResult result)
    {
        foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
        return 1;
    }
}
