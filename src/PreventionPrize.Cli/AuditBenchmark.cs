using System.Diagnostics;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Audit;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Web.Features.AuditTrail;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli;

/// <summary>
/// The Secretariat's audit trail page on a long trail: N events (100,000 by default) over a call with 2,000 entries,
/// 60 jurors and 3 rounds, on a SQLite file through the migrations' schema. Times the page's own query handler for
/// each kind of filter, a page deep in the trail, and the CSV export of a call's score events; prints the medians.
/// </summary>
public static class AuditBenchmark
{
    public static async Task<int> RunAsync(string[] options)
    {
        var count = Option(options, "--events", 100_000);
        var runs = Option(options, "--runs", 7);
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        builder.Configuration.AddInMemoryCollection(OutboxBenchmark.Settings(folder, 25, 100, toFolder: true));
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        var seedClock = Stopwatch.StartNew();
        var (middleId, day) = await SeedAsync(app.Services, count);
        Console.WriteLine($"bench-audit: {count:N0} events seeded in {seedClock.Elapsed.TotalSeconds:F1} s; {runs} runs a case, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var cases = new (string Name, Func<IMediator, Task<int>> Run)[]
        {
            ("first page, no filter", m => List(m, new AuditFilter())),
            ("page in the middle (keyset)", m => List(m, new AuditFilter(), middleId)),
            ("action family score", m => List(m, new AuditFilter { Action = "score" })),
            ("subject entry:1234", m => List(m, new AuditFilter { Subject = "entry:1234" })),
            ("call:BENCH (rounds, entries, jurors)", m => List(m, new AuditFilter { Subject = "call:BENCH" })),
            ("call:BENCH + action round.closed (rare)", m => List(m, new AuditFilter { Subject = "call:BENCH", Action = "round.closed" })),
            ("actor by e-mail", m => List(m, new AuditFilter { Actor = "secretary@bench.example" })),
            ("one day", m => List(m, new AuditFilter { From = day, To = day })),
            ("text in details (no match)", m => List(m, new AuditFilter { Text = "no such text" })),
            ("export call:BENCH score events", async m => (await m.Send(new ExportAudit.Command(new AuditFilter { Subject = "call:BENCH", Action = "score" }))).Content.Length),
        };
        foreach (var (name, run) in cases)
        {
            var times = new List<double>();
            var result = 0;
            for (var i = 0; i <= runs; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var clock = Stopwatch.StartNew();
                result = await run(mediator);
                if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds); // the first run warms the JIT and the page cache
            }
            Console.WriteLine($"{name,-42} median {times.Order().ElementAt(times.Count / 2),8:F1} ms   (result {result:N0})");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<int> List(IMediator mediator, AuditFilter filter, long? before = null) =>
        (await mediator.Send(new ListAudit.Query(filter, before))).Events.Count;

    /// <summary>Events spread over 30 days, on the call, its entries, rounds and jurors, and on users (sign-ins).</summary>
    private static async Task<(long MiddleId, string Day)> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var now = DateTime.UtcNow;
        var random = new Random(2026);
        var call = new Call
        {
            Code = "BENCH", TitleEn = "Bench", TitleFr = "Bench", OpensAtUtc = now.AddDays(-60), ClosesAtUtc = now.AddDays(-30),
            EligibleCountries = [.. Countries.DefaultEligibleCodes], EntryLanguages = [.. EntryLanguages.All], Status = CallStatus.Closed,
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Calls.Add(call);
        db.Users.Add(new AppUser { Id = "secretary", UserName = "secretary@bench.example", NormalizedUserName = "SECRETARY@BENCH.EXAMPLE",
            Email = "secretary@bench.example", NormalizedEmail = "SECRETARY@BENCH.EXAMPLE", CreatedAtUtc = now });
        await db.SaveChangesAsync();
        for (var i = 1; i <= 2000; i++)
            db.Entries.Add(new Entry { CallId = call.Id, OwnerId = $"owner-{i}", Status = EntryStatus.Eligible, Number = i, Reference = $"BENCH-{i:0000}",
                Title = $"Entry {i}", CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now });
        for (var j = 1; j <= 60; j++)
            db.JuryMembers.Add(new JuryMember { CallId = call.Id, Name = $"Juror {j}", Email = $"juror{j}@bench.example", Status = InvitationStatus.Accepted,
                UserId = $"juror-{j}", InvitedAtUtc = now, ExpiresAtUtc = now, ProfileUpdatedAtUtc = now });
        for (var r = 1; r <= 3; r++)
            db.Rounds.Add(new Round { CallId = call.Id, Number = r, NameEn = $"Round {r}", NameFr = $"Tour {r}", Mode = AssignmentMode.Optimised,
                JurorsPerEntry = 3, MaxLoad = 120, ScoringDeadlineUtc = now, CreatedAtUtc = now });
        await db.SaveChangesAsync();
        var entryIds = db.Entries.Where(e => e.CallId == call.Id).Select(e => e.Id).ToArray();
        var jurorIds = db.JuryMembers.Where(m => m.CallId == call.Id).Select(m => m.Id).ToArray();
        var roundIds = db.Rounds.Where(r => r.CallId == call.Id).Select(r => r.Id).ToArray();

        var start = now.AddDays(-30);
        var step = TimeSpan.FromDays(30) / count;
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(100);
            var (action, subject, actor) = kind switch
            {
                < 45 => (random.Next(2) == 0 ? "score.saved" : "score.submitted", $"entry:{entryIds[random.Next(entryIds.Length)]}", $"juror-{random.Next(1, 61)}"),
                < 65 => ("account.signed-in", $"user:owner-{random.Next(1, 2001)}", $"owner-{random.Next(1, 2001)}"),
                < 80 => (AuditLabels.Known[random.Next(AuditLabels.Known.Length)], $"entry:{entryIds[random.Next(entryIds.Length)]}", "secretary"),
                < 90 => ("juror.profile", $"juror:{jurorIds[random.Next(jurorIds.Length)]}", $"juror-{random.Next(1, 61)}"),
                < 99 => ("assignment.added", $"round:{roundIds[random.Next(roundIds.Length)]}", "secretary"),
                _ => ("round.closed", $"round:{roundIds[random.Next(roundIds.Length)]}", "secretary"),
            };
            db.Audit(start + step * i, actor, action, subject, $"round:{roundIds[random.Next(roundIds.Length)]} juror:{jurorIds[random.Next(jurorIds.Length)]}: 1: - -> {random.Next(1, 6)}");
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        var middle = db.AuditEvents.OrderBy(a => a.Id).Skip(count / 2).Select(a => a.Id).First();
        return (middle, PreventionPrize.Core.Time.Strasbourg.ToLocal(now.AddDays(-15)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int Option(string[] options, string name, int fallback) =>
        Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length && int.TryParse(options[i + 1], out var value) ? value : fallback;
}
