using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.TestSupport;

/// <summary>
/// The real app on a database of its own, migrated by the app's own start-up: a SQLite file by default, or a
/// fresh SQL Server database when the environment says <c>Database__Provider=SqlServer</c> (the CI pipeline's
/// second run). Mail goes to a folder of its own; the clock is a <see cref="FakeTimeProvider"/> tests can move.
/// </summary>
public class PrizeAppFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pp-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public MailFolder Mail { get; }

    /// <summary>Where the app stores uploaded files (<c>Storage:Folder</c>), inside this factory's temporary folder.</summary>
    public string FilesFolder => Path.Combine(_root, "files");

    /// <summary>Extra configuration, set before the host starts (e.g. <c>Mail:Dispatcher:Enabled</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The SQLite file of this app (when not on SQL Server).</summary>
    public string DatabasePath => Path.Combine(_root, "prize.db");

    public bool OnSqlServer { get; } = string.Equals(Environment.GetEnvironmentVariable("Database__Provider"), "SqlServer", StringComparison.OrdinalIgnoreCase);

    public PrizeAppFactory()
    {
        Directory.CreateDirectory(_root);
        Mail = new MailFolder(Path.Combine(_root, "mail"));
        // Most tests sign the Secretariat and jurors in by password alone; the tests of the requirement set it back
        // to "true" (production's default) before the host starts. TwoFactor signs in a user who has it on.
        Settings["Security:RequireTwoFactor"] = "false";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: every registration must be constructible, so a service the container cannot build
        // fails every test instead of only `dotnet run`.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Mail:Transport", "Folder");
        builder.UseSetting("Mail:PickupDirectory", Mail.Path);
        builder.UseSetting("Storage:Folder", FilesFolder);
        if (OnSqlServer)
        {
            var connection = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__SqlServer")
                ?? throw new InvalidOperationException("Database__Provider=SqlServer needs ConnectionStrings__SqlServer."))
            {
                InitialCatalog = "pp_test_" + Path.GetFileName(_root),
            };
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:SqlServer", connection.ConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        }
        // Hundreds of tests sign in from one address: the limits stay on (the production pipeline) but far above
        // what any test uses; a rate-limit test sets small ones through Settings.
        foreach (var limit in PreventionPrize.Web.Infrastructure.Security.RateLimits.Defaults)
            builder.UseSetting($"RateLimits:{limit.Section}:PermitLimit", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, HTTPS so that __Host- cookies flow.</summary>
    public TestClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>Creates a confirmed account with the given role straight in the database.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string role, string password = TestClient.DefaultPassword, string language = "en")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PreferredLanguage = language, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A client signed in through the real login form as a new account with <paramref name="role"/>.</summary>
    public async Task<TestClient> SignedInAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await CreateUserAsync(email, role);
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>The settings that put another instance (a host or a process) on this app's database; this app must have started.</summary>
    public Dictionary<string, string> DatabaseSettings() => OnSqlServer
        ? new()
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:MigrateOnStartup"] = "false",
            ["ConnectionStrings:SqlServer"] = Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:SqlServer"]!,
        }
        : new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}" };

    /// <summary>Makes this app a second instance on <paramref name="other"/>'s database (set before this one starts).</summary>
    public void ShareDatabaseWith(PrizeAppFactory other)
    {
        foreach (var (key, value) in other.DatabaseSettings()) Settings[key] = value;
    }

    public async Task<T> WithDbAsync<T>(Func<PrizeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PrizeDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        if (OnSqlServer)
        {
            try
            {
                await WithDbAsync(db => db.Database.EnsureDeletedAsync());
            }
            catch (ObjectDisposedException)
            {
                // The host never started; there is no database to drop.
            }
        }
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer on some systems; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }
}
