using System.Diagnostics;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Features.Rounds;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// The web app's own "compute the assignment" end to end: the handler reads the round from a SQLite file through
/// the migrations' schema, builds the problem, solves it and saves the pairs (with their audit event), as the
/// Secretariat's button does. Seeds N entries and M jurors; prints every run and the median of the warm ones.
/// </summary>
public static class RoundAssignmentBenchmark
{
    public static async Task<int> RunAsync(string[] options)
    {
        var entries = Option(options, "--entries", 100);
        var jurors = Option(options, "--jurors", 7);
        var runs = Option(options, "--runs", 21);
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        builder.Configuration.AddInMemoryCollection(OutboxBenchmark.Settings(folder, 25, 100, toFolder: true));
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        var roundId = await SeedAsync(app.Services, entries, jurors);

        Console.WriteLine($"bench-assign-round: {entries} entries × {jurors} jurors, k = 3, {runs} runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var clock = Stopwatch.StartNew();
            var result = await mediator.Send(new ComputeAssignment.Command(roundId));
            var ms = clock.Elapsed.TotalMilliseconds;
            if (run > 1) times.Add(ms);
            var loadClock = Stopwatch.StartNew();
            var problem = await scope.ServiceProvider.GetRequiredService<RoundProblemLoader>().LoadAsync(roundId, default);
            var loadMs = loadClock.Elapsed.TotalMilliseconds;
            loadClock.Restart();
            PreventionPrize.Assignment.AssignmentSolver.Solve(problem.ToProblem([]));
            Console.WriteLine($"   (load {loadMs:F1} ms, solve {loadClock.Elapsed.TotalMilliseconds:F1} ms)");
            Console.WriteLine($"run {run}{(run == 1 ? " (cold: JIT, first queries)" : "")}: {ms:F1} ms, {result.Pairs.Count} pairs, suitability {result.Objective}, {result.EntryShortfalls.Count} entries short");
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<PrizeDbContext>().Assignments.CountAsync(a => a.RoundId == roundId);
            Console.WriteLine($"saved pairs: {saved} (expected {entries * 3})");
        }
        Console.WriteLine($"median of warm runs: {times.Order().ElementAt(times.Count / 2):F1} ms");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, int entryCount, int jurorCount)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var now = DateTime.UtcNow;
        var random = new Random(2026);
        var call = new Call
        {
            Code = "BENCH", TitleEn = "Bench", TitleFr = "Bench", OpensAtUtc = now.AddDays(-30), ClosesAtUtc = now.AddDays(-1),
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All], Status = CallStatus.Closed,
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        string[] Some(IReadOnlyList<string> from) => from.Where(_ => random.Next(3) == 0).DefaultIfEmpty(from[0]).ToArray();
        for (var i = 1; i <= entryCount; i++)
            db.Entries.Add(new Entry
            {
                CallId = call.Id, OwnerId = $"owner-{i}", Status = EntryStatus.Eligible, Number = i, Reference = $"BENCH-{i:0000}",
                Language = random.Next(4) == 0 ? "fr" : "en", Title = $"Entry {i}", OrganisationName = $"Organisation {i}",
                DigitalBehaviours = [.. Some(Vocabulary.DigitalBehaviours)], TargetGroups = [.. Some(Vocabulary.TargetGroups)],
                CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            });
        for (var j = 1; j <= jurorCount; j++)
            db.JuryMembers.Add(new JuryMember
            {
                CallId = call.Id, Name = $"Juror {j}", Email = $"juror{j}@bench.example", Status = InvitationStatus.Accepted, UserId = $"juror-{j}",
                InvitedAtUtc = now, ExpiresAtUtc = now, ProfileUpdatedAtUtc = now,
                Profile = new JurorProfile { ReadsLanguages = ["en", "fr"], DigitalBehaviours = [.. Some(Vocabulary.DigitalBehaviours)], TargetGroups = [.. Some(Vocabulary.TargetGroups)] },
            });
        var round = new Round
        {
            CallId = call.Id, Number = 1, NameEn = "Round 1", NameFr = "Tour 1", Mode = AssignmentMode.Optimised, JurorsPerEntry = 3,
            MaxLoad = (int)Math.Ceiling(3.0 * entryCount / jurorCount) + 5, ScoringDeadlineUtc = now.AddDays(30), CreatedAtUtc = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    private static int Option(string[] options, string name, int fallback) =>
        Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length && int.TryParse(options[i + 1], out var value) ? value : fallback;
}
