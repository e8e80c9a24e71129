using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli.Rush;

/// <summary>
/// The deadline rush: the real app (the web project's services and pipeline, production settings) on a loopback
/// Kestrel port over a fresh SQLite file, N applicants with a complete draft each, and C virtual users in a closed
/// loop taking the next applicant through <see cref="VirtualApplicant"/>. Only the HTTP journeys are timed; the
/// seeding before and the check after are not. The outbox dispatcher runs (folder transport) unless told not to.
/// </summary>
public static class RushBenchmark
{
    public sealed record Settings(int Applicants = 1000, int Concurrency = 50, int Runs = 3, int PdfBytes = 2 * 1024 * 1024,
        bool Dispatcher = true, Dictionary<string, string?>? Overrides = null);

    public sealed record Result(int Applicants, TimeSpan Elapsed, double Throughput, List<double>[] StepMs, List<double> TotalMs, double[] StepCpuMs,
        Dictionary<string, int> Errors, RushCheck Check, TimeSpan Cpu)
    {
        public int ErrorCount => Errors.Values.Sum();
        public bool Clean => ErrorCount == 0 && Check.Clean && Check.Submitted == Applicants;
    }

    public static async Task<int> RunAsync(string[] options)
    {
        var settings = Parse(options);
        Console.WriteLine($"bench-rush: {settings.Applicants} applicants, {settings.Concurrency} concurrent, a {settings.PdfBytes / 1024 / 1024.0:0.#} MB PDF each, " +
            $"{settings.Runs} runs, outbox dispatcher {(settings.Dispatcher ? "on (folder transport)" : "off")}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"password check (PBKDF2, Identity's default cost, on one thread): {PasswordCheckMs():F0} ms CPU each");
        var results = new List<Result>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            var result = await RunOnceAsync(settings);
            results.Add(result);
            Console.WriteLine();
            Console.WriteLine($"run {run}:");
            Print(result, settings.Concurrency);
        }
        if (results.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine($"median of {results.Count} runs: {Median(results.Select(r => r.Throughput)):F1} submissions/s, {Median(results.Select(r => r.Elapsed.TotalSeconds)):F1} s for {settings.Applicants}; " +
                $"end to end p50 {Median(results.Select(r => Percentile(r.TotalMs, 0.50))):F0} ms, p90 {Median(results.Select(r => Percentile(r.TotalMs, 0.90))):F0} ms, " +
                $"p99 {Median(results.Select(r => Percentile(r.TotalMs, 0.99))):F0} ms; step p99 " +
                string.Join(", ", VirtualApplicant.Steps.Select((s, i) => $"{s} {Median(results.Select(r => Percentile(r.StepMs[i], 0.99))):F0} ms")));
            Console.WriteLine($"errors {results.Sum(r => r.ErrorCount)}, losses {results.Sum(r => r.Check.Losses.Count)}, duplicates {results.Sum(r => r.Check.Duplicates.Count)} across the runs");
        }
        return results.All(r => r.Clean) ? 0 : 1;
    }

    public static async Task<Result> RunOnceAsync(Settings settings)
    {
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        builder.Configuration.AddInMemoryCollection(Configuration(folder, settings));
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        var (call, applicants) = await RushSeed.SeedAsync(app.Services, settings.Applicants, TimeSpan.FromMinutes(15));
        app.UsePrizePipeline();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();

        var pdf = RushSeed.Pdf(settings.PdfBytes);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60),
        };
        await WarmUpAsync(http);
        var steps = VirtualApplicant.Steps.Select(_ => new List<double>()).ToArray();
        var totals = new List<double>();
        var cpuSteps = new double[VirtualApplicant.Steps.Length];
        var errors = new Dictionary<string, int>();
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < applicants.Count; i = Interlocked.Increment(ref next))
            {
                var applicant = new VirtualApplicant(http, applicants[i], pdf);
                var (ms, error) = await applicant.RunAsync();
                lock (errors)
                {
                    for (var s = 0; s < ms.Length; s++) cpuSteps[s] += applicant.CpuMs[s];
                    for (var s = 0; s < ms.Length; s++) if (ms[s] > 0) steps[s].Add(ms[s]);
                    if (error is null) totals.Add(ms.Sum());
                    else errors[error] = errors.GetValueOrDefault(error) + 1;
                }
            }
        })));
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var check = await RushCheck.RunAsync(app.Services, call.Id, settings.PdfBytes);
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        foreach (var list in steps) list.Sort();
        totals.Sort();
        return new Result(applicants.Count, elapsed, totals.Count / elapsed.TotalSeconds, steps, totals, cpuSteps.Select(c => c / applicants.Count).ToArray(), errors, check, cpu);
    }

    /// <summary>
    /// The host's settings. Rate limits exist to stop one client repeating itself; here a thousand applicants share
    /// one loopback address, so every <c>RateLimits:*</c> limit is lifted far out of reach. Anything else: <c>--set Key=Value</c>.
    /// </summary>
    private static Dictionary<string, string?> Configuration(string folder, Settings settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "rush.db")}",
            ["Storage:Folder"] = Path.Combine(folder, "files"),
            ["Mail:Transport"] = "Folder",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Mail:Dispatcher:Enabled"] = settings.Dispatcher ? "true" : "false",
            ["App:PublicBaseUrl"] = "https://prize.example.org",
            ["Security:AllowPlainHttp"] = "true",
            // The drafts were reminded hours ago; a reminder pass during the rush would be another benchmark.
            ["Reminders:Enabled"] = "false",
        };
        foreach (var limit in new[] { "SignIn", "Registration", "PasswordReset", "ConfirmationMail", "Upload", "Submit" })
        {
            configuration[$"RateLimits:{limit}:PermitLimit"] = "1000000";
            configuration[$"RateLimits:{limit}:Window"] = "00:01:00";
        }
        foreach (var (key, value) in settings.Overrides ?? []) configuration[key] = value;
        return configuration;
    }

    /// <summary>The JIT and the connection pool, before the clock starts: the sign-in page and a failed sign-in.</summary>
    private static async Task WarmUpAsync(HttpClient http)
    {
        for (var i = 0; i < 3; i++)
        {
            using var page = await http.GetAsync("/account/login");
            await page.Content.ReadAsStringAsync();
            using var health = await http.GetAsync("/health");
        }
    }

    private static void Print(Result r, int concurrency)
    {
        Console.WriteLine($"  {r.TotalMs.Count} of {r.Applicants} submitted in {r.Elapsed.TotalSeconds:F1} s = {r.Throughput:F1} submissions/s");
        Console.WriteLine($"  CPU used by this process (server and simulated browsers together): {r.Cpu.TotalSeconds:F1} s = {r.Cpu.TotalMilliseconds / Math.Max(1, r.TotalMs.Count):F0} ms a submission; " +
            $"{r.Cpu.TotalSeconds / r.Elapsed.TotalSeconds:F2} of {Environment.ProcessorCount} cores");
        // One applicant at a time: each step's CPU is its own (the background services aside).
        var alone = concurrency == 1;
        Console.WriteLine($"  {"step",-18} {"count",6} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}" + (alone ? "   CPU ms (server + client)" : ""));
        for (var i = 0; i < r.StepMs.Length; i++) Row(VirtualApplicant.Steps[i], r.StepMs[i], alone ? r.StepCpuMs[i] : null);
        Row("end to end", r.TotalMs, alone ? r.StepCpuMs.Sum() : null);
        Console.WriteLine(r.Errors.Count == 0 ? "  errors: none" : "  errors: " + string.Join("; ", r.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}")));
        var c = r.Check;
        Console.WriteLine($"  check: {c.Submitted} of {c.Entries} entries submitted, {c.Versions} versions, {c.Receipts} receipts queued, {c.Attachments} files on disk; " +
            $"{c.Losses.Count} losses, {c.Duplicates.Count} duplicates" + (c.Clean ? "" : ": " + string.Join("; ", c.Losses.Concat(c.Duplicates).Take(10))));

        static void Row(string name, List<double> ms, double? cpu) =>
            Console.WriteLine($"  {name,-18} {ms.Count,6} {Percentile(ms, 0.50),8:F0} {Percentile(ms, 0.90),8:F0} {Percentile(ms, 0.99),8:F0} {(ms.Count == 0 ? 0 : ms[^1]),8:F0}" +
                (cpu is { } c ? $"   {c,10:F1}" : ""));
    }

    /// <summary>The deliberate cost of one sign-in, measured alone: the part of a submission's CPU no tuning may remove.</summary>
    private static double PasswordCheckMs()
    {
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<PreventionPrize.Core.Accounts.AppUser>();
        var user = new PreventionPrize.Core.Accounts.AppUser();
        var hash = hasher.HashPassword(user, RushSeed.Password);
        hasher.VerifyHashedPassword(user, hash, RushSeed.Password);
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 10; i++) hasher.VerifyHashedPassword(user, hash, RushSeed.Password);
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds / 10;
    }

    private static Settings Parse(string[] options)
    {
        var overrides = new Dictionary<string, string?>();
        for (var i = 0; i + 1 < options.Length; i++)
            if (options[i] == "--set" && options[i + 1].Split('=', 2) is [var key, var value]) overrides[key] = value;
        return new Settings(
            Applicants: OutboxBenchmark.Option(options, "--applicants", 1000),
            Concurrency: OutboxBenchmark.Option(options, "--concurrency", 50),
            Runs: OutboxBenchmark.Option(options, "--runs", 3),
            PdfBytes: OutboxBenchmark.Option(options, "--pdf-kb", 2048) * 1024,
            Dispatcher: !options.Contains("--no-dispatcher"),
            Overrides: overrides);
    }

    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
