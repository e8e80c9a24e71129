using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PreventionPrize.IntegrationTests.Accounts;

/// <summary>The first Secretariat account of a fresh install comes from the command line, run as a real process.</summary>
public sealed class CreateSecretariatVerbTests
{
    [Fact]
    public async Task The_verb_creates_a_confirmed_Secretariat_account_on_a_fresh_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pp-verb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "fresh.db");

        var (exitCode, output) = await RunAsync(folder, database, "create-secretariat", "--email", "chief@coe.example");

        Assert.True(exitCode == 0, output);
        Assert.Contains("chief@coe.example is a Secretariat account.", output);
        Assert.Matches(@"Password \(shown once, change it after signing in\): \S{20}", output);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.EmailConfirmed, r.Name FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            WHERE u.Email = 'chief@coe.example'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal("Secretariat", reader.GetString(1));
    }

    [Fact]
    public async Task Without_an_address_the_verb_explains_its_usage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pp-verb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (exitCode, output) = await RunAsync(folder, Path.Combine(folder, "x.db"), "create-secretariat");
        Assert.Equal(2, exitCode);
        Assert.Contains("usage: create-secretariat --email ADDRESS", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={database}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment.Remove("PP_ADMIN_PASSWORD");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
