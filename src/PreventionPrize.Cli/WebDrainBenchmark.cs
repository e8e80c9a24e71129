using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli;

/// <summary>
/// The web app's response times while the outbox drains. Each run hosts the real app (the same services and request
/// pipeline as src/PreventionPrize.Web) on a loopback Kestrel port over a fresh SQLite file with one open call, its
/// own dispatcher sending to an SMTP server in this process. One client sends sequential requests to <c>GET /</c>
/// (a page that reads the database) and <c>GET /health</c>, alternately: after a warm-up (long enough for the JIT's
/// tiered compilation to settle), a fixed number while idle;
/// then N mails are queued and the same requests go on while they are queued and while the dispatcher drains them,
/// until the last mail arrives or the time cap. Prints count, median, p95 and max per phase and route, the ratios to
/// idle, and the drain throughput; then the median of each figure across runs. Per phase it also prints the garbage
/// collector's pauses and the thread pool's size, which explain most of what the latencies show.
/// </summary>
public static class WebDrainBenchmark
{
    private static readonly string[] Routes = ["/", "/health"];
    private static readonly string[] Phases = ["idle", "queueing", "draining"];

    public static async Task<int> RunAsync(int count, string[] options)
    {
        var settings = new Settings(
            Batch: OutboxBenchmark.Option(options, "--batch", 100),
            Runs: OutboxBenchmark.Option(options, "--runs", 3),
            Requests: OutboxBenchmark.Option(options, "--requests", 300),
            Warmup: TimeSpan.FromSeconds(OutboxBenchmark.Option(options, "--warmup", 5)),
            MaxRequests: OutboxBenchmark.Option(options, "--max-requests", 50_000),
            Cap: TimeSpan.FromSeconds(OutboxBenchmark.Option(options, "--cap", 300)));
        Console.WriteLine($"bench-web-drain: {count} mails, batch {settings.Batch}, {settings.Runs} runs; {settings.Warmup.TotalSeconds:F0} s warm-up, per route " +
            $"{settings.Requests} idle requests, then requests until drained (at most {settings.MaxRequests} a route, {settings.Cap.TotalSeconds:F0} s); " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, thread pool minimum {MinWorkerThreads()} workers");

        var results = new List<RunResult>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            var result = await RunOnceAsync(count, settings);
            results.Add(result);
            Console.WriteLine();
            Console.WriteLine($"run {run}: queued in {result.Queueing.TotalSeconds:F2} s; " + (result.Drained
                ? $"delivered in {result.Drain.TotalSeconds:F2} s after the last commit = {result.Rate:F0} mails/s"
                : $"NOT drained: {result.Received} of {count} delivered when the {settings.Cap.TotalSeconds:F0} s cap ended the run"));
            PrintTable(result.Stats);
            PrintRatios(result.Stats);
            Runtime.Print(result.Runtime);
        }

        Console.WriteLine();
        Console.WriteLine($"median of {results.Count} runs: drain {Median(results.Select(r => r.Rate)):F0} mails/s" +
            (results.All(r => r.Drained) ? "" : $" ({results.Count(r => !r.Drained)} runs hit the cap; their rate is a lower bound)"));
        var summary = new List<Stats>();
        foreach (var phase in Phases)
            foreach (var route in Routes)
            {
                var runs = results.Select(r => r.Stats.Single(s => s.Phase == phase && s.Route == route)).ToList();
                summary.Add(new Stats(phase, route, (int)Median(runs.Select(s => (double)s.Count)), runs.Sum(s => s.Failures),
                    Median(runs.Select(s => s.Median)), Median(runs.Select(s => s.P95)), Median(runs.Select(s => s.Max))));
            }
        PrintTable(summary);
        Console.WriteLine("  ratios to idle, median of the runs' ratios:");
        foreach (var phase in Phases.Skip(1))
            foreach (var route in Routes)
            {
                var ratios = results.Select(r => Ratios(r.Stats, phase, route)).ToList();
                Console.WriteLine($"  {phase + "/idle",-15} {route,-8} median {Median(ratios.Select(x => x.Median)),5:F2}x   p95 {Median(ratios.Select(x => x.P95)),5:F2}x");
            }
        var failures = results.Sum(r => r.Stats.Sum(s => s.Failures));
        if (failures > 0) Console.WriteLine($"{failures} requests did not answer 200: the figures above include them");
        return failures > 0 || results.Any(r => !r.Drained) ? 1 : 0;
    }

    private static async Task<RunResult> RunOnceAsync(int count, Settings settings)
    {
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        var received = new OutboxBenchmark.Counter();
        var smtpPort = OutboxBenchmark.FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var smtp = OutboxBenchmark.StartSmtp(smtpPort, received, stopSmtp.Token);

        var configuration = OutboxBenchmark.Settings(folder, smtpPort, settings.Batch);
        // Plain HTTP on loopback: cookies without the Secure-only __Host- prefix, as a developer's dotnet run (TLS would be
        // a reverse proxy's work in front of Kestrel).
        configuration["Security:AllowPlainHttp"] = "true";
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        string callPath;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The demo call (open now) and the demo accounts: the home page lists the call from the database.
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(NullLogger.Instance);
            callPath = "/calls/" + await scope.ServiceProvider.GetRequiredService<PrizeDbContext>().Calls.Select(c => c.Code).SingleAsync();
        }
        app.UsePrizePipeline();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(); // Kestrel and the hosted services: the outbox dispatcher, the draft reminders

        var samples = Phases.SelectMany(p => Routes.Select(r => (p, r))).ToDictionary(k => k, _ => new List<double>());
        var failures = samples.Keys.ToDictionary(k => k, _ => 0);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(app.Urls.Single()),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var home = await client.GetStringAsync("/");
        if (!home.Contains(callPath, StringComparison.Ordinal)) throw new InvalidOperationException($"GET / does not list the open call ({callPath})");

        var warming = Stopwatch.StartNew();
        for (var i = 0; i < settings.MaxRequests && warming.Elapsed < settings.Warmup; i++)
            foreach (var route in Routes)
                await TimeAsync(client, route);
        var runtime = new List<Runtime> { Runtime.Now("") };
        for (var i = 0; i < settings.Requests; i++)
            foreach (var route in Routes)
                Record("idle", route, await TimeAsync(client, route));

        runtime.Add(Runtime.Now("idle"));
        var started = Stopwatch.GetTimestamp();
        var queueing = Task.Run(() => OutboxBenchmark.QueueAsync(app.Services, count));
        var queued = 0L;
        var sent = 0;
        while (true)
        {
            if (queued == 0 && queueing.IsCompleted)
            {
                await queueing; // rethrows if queueing failed
                queued = Stopwatch.GetTimestamp();
                runtime.Add(Runtime.Now("queueing"));
            }
            if (received.Value >= count && queued != 0 || Stopwatch.GetElapsedTime(started) > settings.Cap) break;
            var phase = queued == 0 ? "queueing" : "draining";
            if (sent >= settings.MaxRequests)
            {
                await Task.Delay(10);
                continue;
            }
            foreach (var route in Routes) Record(phase, route, await TimeAsync(client, route));
            sent++;
        }
        if (queued == 0) runtime.Add(Runtime.Now("queueing"));
        runtime.Add(Runtime.Now("draining"));
        var drained = received.Value >= count && queued != 0;
        // A small batch may be delivered before its last commit returns: then the drain took no time after it.
        var drain = drained ? TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(queued, received.LastTimestamp).Ticks))
            : Stopwatch.GetElapsedTime(queued == 0 ? started : queued);

        await app.StopAsync();
        await stopSmtp.CancelAsync();
        try { await smtp; } catch (OperationCanceledException) { }
        var total = received.Value;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);

        var stats = samples.Select(s => Summarise(s.Key.Item1, s.Key.Item2, s.Value, failures[s.Key])).ToList();
        return new RunResult(stats, runtime, queued == 0 ? Stopwatch.GetElapsedTime(started) : Stopwatch.GetElapsedTime(started, queued), drain, drained, total,
            drained ? count / drain.TotalSeconds : total / Stopwatch.GetElapsedTime(started).TotalSeconds);

        void Record(string phase, string route, (double Ms, bool Ok) sample)
        {
            samples[(phase, route)].Add(sample.Ms);
            if (!sample.Ok) failures[(phase, route)]++;
        }
    }

    /// <summary>One request, from sending it to having read the whole body, in milliseconds.</summary>
    private static async Task<(double Ms, bool Ok)> TimeAsync(HttpClient client, string route)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(route);
        await response.Content.ReadAsByteArrayAsync();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
    }

    private static Stats Summarise(string phase, string route, List<double> ms, int failures)
    {
        if (ms.Count == 0) return new Stats(phase, route, 0, failures, double.NaN, double.NaN, double.NaN);
        var sorted = ms.Order().ToArray();
        return new Stats(phase, route, sorted.Length, failures, Median(sorted), sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1], sorted[^1]);
    }

    private static (double Median, double P95) Ratios(IEnumerable<Stats> stats, string phase, string route)
    {
        var idle = stats.Single(s => s.Phase == "idle" && s.Route == route);
        var other = stats.Single(s => s.Phase == phase && s.Route == route);
        return (other.Median / idle.Median, other.P95 / idle.P95);
    }

    private static void PrintTable(IEnumerable<Stats> stats)
    {
        Console.WriteLine($"  {"phase",-10} {"route",-8} {"count",6} {"non-200",7} {"median ms",10} {"p95 ms",8} {"max ms",8}");
        foreach (var s in stats)
            Console.WriteLine($"  {s.Phase,-10} {s.Route,-8} {s.Count,6} {s.Failures,7} {s.Median,10:F2} {s.P95,8:F2} {s.Max,8:F1}");
    }

    private static void PrintRatios(List<Stats> stats)
    {
        foreach (var phase in Phases.Skip(1))
            foreach (var route in Routes)
            {
                var (median, p95) = Ratios(stats, phase, route);
                Console.WriteLine($"  {phase + "/idle",-15} {route,-8} median {median,5:F2}x   p95 {p95,5:F2}x");
            }
    }

    private static int MinWorkerThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Settings(int Batch, int Runs, int Requests, TimeSpan Warmup, int MaxRequests, TimeSpan Cap);

    /// <summary>The runtime's counters at the end of a phase: garbage-collection pauses and counts, thread-pool threads.</summary>
    private sealed record Runtime(string Phase, long At, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, int Threads)
    {
        public static Runtime Now(string phase) => new(phase, Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), ThreadPool.ThreadCount);

        public static void Print(List<Runtime> marks)
        {
            for (var i = 1; i < marks.Count; i++)
            {
                var (before, after) = (marks[i - 1], marks[i]);
                Console.WriteLine($"  {after.Phase,-10} {Stopwatch.GetElapsedTime(before.At, after.At).TotalSeconds,6:F2} s: GC paused {(after.GcPause - before.GcPause).TotalMilliseconds,6:F0} ms " +
                    $"(gen0 {after.Gen0 - before.Gen0}, gen1 {after.Gen1 - before.Gen1}, gen2 {after.Gen2 - before.Gen2}); thread pool {before.Threads} -> {after.Threads} threads");
            }
        }
    }

    private sealed record Stats(string Phase, string Route, int Count, int Failures, double Median, double P95, double Max);

    private sealed record RunResult(List<Stats> Stats, List<Runtime> Runtime, TimeSpan Queueing, TimeSpan Drain, bool Drained, int Received, double Rate);
}
