using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Backup;
using PreventionPrize.Web.Infrastructure.Database;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Infrastructure.Startup;

/// <summary>
/// Command-line verbs that run instead of the web server, with the app's own configuration and database:
/// <c>create-secretariat --email ADDRESS</c> makes the first Secretariat account on a fresh install. The password
/// comes from PP_ADMIN_PASSWORD or is generated and printed once. <c>backup --to FOLDER</c> copies the database and
/// the stored files while the app runs; <c>restore --from FOLDER</c> puts such a copy where the configuration points.
/// </summary>
public static class AdminVerbs
{
    public static Task<int?> TryRunAsync(WebApplication app, string[] args) => args switch
    {
        ["create-secretariat", ..] => CreateSecretariatAsync(app, args),
        ["backup", ..] => BackupAsync(app, args, "--to", "usage: backup --to FOLDER   (a new or empty folder)"),
        ["restore", ..] => BackupAsync(app, args, "--from", "usage: restore --from FOLDER   (into the configured database and Storage:Folder, which must be empty)"),
        _ => Task.FromResult<int?>(null),
    };

    /// <summary>
    /// Only the embedded SQLite file and the local folder are backed up here: SQL Server and a blob store have their
    /// platform's own consistent backups (point-in-time restore, blob versioning), which this verb must not pretend to replace.
    /// </summary>
    private static async Task<int?> BackupAsync(WebApplication app, string[] args, string option, string usage)
    {
        var index = Array.IndexOf(args, option);
        if (index < 0 || index + 1 >= args.Length)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.Provider != DatabaseProvider.Sqlite || scope.ServiceProvider.GetRequiredService<IFileStore>() is not LocalFileStore store)
        {
            Console.Error.WriteLine("This verb backs up the embedded SQLite database and the local file folder only. On SQL Server use the " +
                "server's own backups (BACKUP DATABASE, or the platform's point-in-time restore) and back up the file store with the storage " +
                "platform's tools; see README, Backups.");
            return 2;
        }
        var connectionString = scope.ServiceProvider.GetRequiredService<PrizeDbContext>().Database.GetConnectionString()!;
        return args[0] == "backup"
            ? await SiteBackup.RunAsync(connectionString, store.Folder, args[index + 1], Console.Out, Console.Error)
            : await SiteRestore.RunAsync(args[index + 1], connectionString, store.Folder, Console.Out, Console.Error);
    }

    private static async Task<int?> CreateSecretariatAsync(WebApplication app, string[] args)
    {
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
