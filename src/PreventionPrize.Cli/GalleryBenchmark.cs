using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli;

/// <summary>
/// Load on the public gallery: the real app on a loopback Kestrel port (the same services and pipeline as the web
/// project, production settings), a released call with W published winners, and C concurrent clients in a closed
/// loop for D seconds per route. Each route is measured beside <c>/health</c> in the same run, so the ratio says
/// how far a page is from the server's own limit on this machine.
/// </summary>
public static class GalleryBenchmark
{
    public static async Task<int> RunAsync(string[] options)
    {
        var winners = Option(options, "--winners", 30);
        var concurrency = Option(options, "--concurrency", 16);
        var seconds = Option(options, "--seconds", 10);
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        var configuration = OutboxBenchmark.Settings(folder, 25, 100, toFolder: true);
        configuration["Security:AllowPlainHttp"] = "true";
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        var reference = await SeedAsync(app.Services, winners);
        app.UsePrizePipeline();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();

        var baseUri = new Uri(app.Urls.Single());
        Console.WriteLine($"bench-gallery: {winners} winners, {concurrency} concurrent clients, {seconds} s a route, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("route                      requests/s      p50 ms   p95 ms   p99 ms   errors   vs /health (rps)");
        double? healthRate = null;
        foreach (var route in new[] { "/health", "/winners", $"/winners/{reference}", "/winners.json", "/winners.atom" })
        {
            await LoadAsync(baseUri, route, concurrency, TimeSpan.FromSeconds(2)); // warm-up: JIT, caches, connections
            var (rate, latencies, errors) = await LoadAsync(baseUri, route, concurrency, TimeSpan.FromSeconds(seconds));
            healthRate ??= rate;
            Console.WriteLine($"{route,-26} {rate,10:F0} {Percentile(latencies, 0.50),11:F1} {Percentile(latencies, 0.95),8:F1} {Percentile(latencies, 0.99),8:F1} {errors,8}   {rate / healthRate:P0}");
        }
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<(double Rate, List<double> Latencies, int Errors)> LoadAsync(Uri baseUri, string route, int concurrency, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(route);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add((clock.Elapsed - start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / clock.Elapsed.TotalSeconds, all, errors);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<string> SeedAsync(IServiceProvider services, int winners)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var now = DateTime.UtcNow;
        var call = new Call
        {
            Code = "DPP-BENCH", TitleEn = "Digital Prevention Prize (benchmark)", TitleFr = "Prix de la prévention numérique (banc d'essai)",
            OpensAtUtc = now.AddDays(-90), ClosesAtUtc = now.AddDays(-60), EligibleCountries = [.. Countries.DefaultEligibleCodes],
            EntryLanguages = [.. EntryLanguages.All], Status = CallStatus.Closed, CreatedAtUtc = now, UpdatedAtUtc = now,
            ResultsReleaseAtUtc = now.AddDays(-1), ResultsReleasedAtUtc = now.AddDays(-1),
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var outcomes = Enum.GetValues<Outcome>().Where(o => o != Outcome.NotSelected).ToArray();
        for (var i = 1; i <= winners; i++)
        {
            var entry = new Entry
            {
                CallId = call.Id, OwnerId = $"owner-{i}", Status = EntryStatus.Eligible, Number = i, Reference = $"DPP-BENCH-{i:0000}", ConsentToPublication = true,
                Language = i % 3 == 0 ? "fr" : "en", Title = $"Project {i}: peer mentors against loot boxes", OrganisationName = $"Youth Association {i}",
                Summary = string.Concat(Enumerable.Repeat("Young people design and run evenings about in-game spending. ", 5)),
                Description = string.Concat(Enumerable.Repeat("Mentors aged 16 to 21 lead the sessions with adults. ", 40)),
                DigitalBehaviours = [Vocabulary.DigitalBehaviours[i % 5]], TargetGroups = [Vocabulary.TargetGroups[i % 8]], ImplementationCountries = ["FR", "DE"],
                Eligibility = new EligibilityAnswers { Country = i % 2 == 0 ? "FR" : "PT" }, CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            };
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            db.Decisions.Add(new Decision { CallId = call.Id, EntryId = entry.Id, Outcome = outcomes[i % outcomes.Length], Rationale = "Exemplary youth involvement.", DecidedAtUtc = now });
        }
        await db.SaveChangesAsync();
        return "DPP-BENCH-0001";
    }

    private static int Option(string[] options, string name, int fallback) =>
        Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length && int.TryParse(options[i + 1], out var value) ? value : fallback;
}
