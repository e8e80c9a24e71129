using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Startup;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PreventionPrize.Cli;

/// <summary>
/// Queues N mails on a fresh SQLite file (the app's own start-up and migrations) and times how long the app's own
/// background dispatcher takes to deliver them over SMTP to a server in this process. Median of several runs.
/// </summary>
public static class OutboxBenchmark
{
    public static async Task<int> RunAsync(int count, string[] options)
    {
        var batch = Option(options, "--batch", 100);
        var runs = Option(options, "--runs", 3);
        var folder = options.Contains("--folder");
        Console.WriteLine($"bench-outbox: {count} mails, batch {batch}, {runs} runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (enqueue, drain) = await RunOnceAsync(count, batch, folder);
            var rate = count / drain.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine($"run {run}: queued in {enqueue.TotalSeconds:F2} s, delivered in {drain.TotalSeconds:F2} s = {rate:F0} mails/s");
        }
        var median = rates.Order().ElementAt(rates.Count / 2);
        Console.WriteLine($"median: {median:F0} mails/s");
        return 0;
    }

    private static async Task<(TimeSpan Enqueue, TimeSpan Drain)> RunOnceAsync(int count, int batch, bool toFolder)
    {
        var builder = BenchmarkHost.CreateBuilder(out var folder);
        var received = new Counter();
        var port = FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var smtp = StartSmtp(port, received, stopSmtp.Token);

        builder.Configuration.AddInMemoryCollection(Settings(folder, port, batch, toFolder));
        builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        foreach (var hosted in app.Services.GetServices<IHostedService>()) await hosted.StartAsync(default);

        var clock = Stopwatch.StartNew();
        await QueueAsync(app.Services, count);
        var enqueue = clock.Elapsed;
        clock.Restart();
        if (toFolder)
        {
            while (await SentAsync(app.Services) < count) await Task.Delay(20);
            for (var i = 0; i < count; i++) received.Increment();
        }
        else while (received.Value < count) await Task.Delay(5);
        var drain = clock.Elapsed;

        foreach (var hosted in app.Services.GetServices<IHostedService>()) await hosted.StopAsync(default);
        await stopSmtp.CancelAsync();
        try { await smtp; } catch (OperationCanceledException) { }
        if (received.Value != count) throw new InvalidOperationException($"{received.Value} mails received for {count} queued");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return (enqueue, drain);
    }

    /// <summary>A fresh SQLite file in <paramref name="folder"/>, mail over SMTP to 127.0.0.1:<paramref name="port"/> (or to a folder), the dispatcher on.</summary>
    internal static Dictionary<string, string?> Settings(string folder, int port, int batch, bool toFolder = false) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "bench.db")}",
        ["Mail:Transport"] = toFolder ? "Folder" : "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Dispatcher:Enabled"] = "true",
        ["Mail:Dispatcher:BatchSize"] = batch.ToString(),
        ["App:PublicBaseUrl"] = "https://prize.example.org",
    };

    /// <summary>As a handler would, in commits of 1,000: each row rendered once per language and added to the DbContext.</summary>
    internal static async Task QueueAsync(IServiceProvider services, int count)
    {
        for (var start = 0; start < count; start += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
            var renderer = scope.ServiceProvider.GetRequiredService<MailRenderer>();
            var options = scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value;
            var mails = new[] { "en", "fr" }.Select(l => renderer.Render(new ScoringReminderMail("Digital Prevention Prize 2027", "Round 1", 3, DateTime.UtcNow.AddDays(3), "/jury"), l)).ToArray();
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(count, start + 1000); i++)
                db.OutboxMessages.Add(MailOutbox.Create($"bench:{i}", new MailRecipient($"juror{i}@example.org", $"Juror {i}", mails[i % 2].Language), mails[i % 2], now, options));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<int> SentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        return db.OutboxMessages.Count(m => m.State == PreventionPrize.Core.Outbox.OutboxState.Sent);
    }

    internal static Task StartSmtp(int port, Counter received, CancellationToken stop)
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore(received));
        services.Add(new NoDelayListenerFactory());

        return new SmtpServer.SmtpServer(options, services).StartAsync(stop);
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static int Option(string[] options, string name, int fallback)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length && int.TryParse(options[index + 1], out var value) && value > 0 ? value : fallback;
    }

    internal sealed class Counter
    {
        private int _value;
        private long _last;
        public int Value => Volatile.Read(ref _value);

        /// <summary>The <see cref="Stopwatch"/> timestamp of the latest increment.</summary>
        public long LastTimestamp => Interlocked.Read(ref _last);

        public void Increment()
        {
            Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _value);
        }
    }

    internal sealed class CountingStore(Counter received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            received.Increment();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
