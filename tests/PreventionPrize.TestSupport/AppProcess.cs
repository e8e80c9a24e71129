using System.Diagnostics;
using System.Text;

namespace PreventionPrize.TestSupport;

/// <summary>
/// The web app as a separate process, as deployed: <c>dotnet PreventionPrize.Web.dll</c> from the test's own output
/// (the Web project is referenced, so its dll, deps and runtimeconfig are there), on a loopback port, configured only
/// through environment variables (<c>Section__Key</c>). Its console output is kept for assertions and failures.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public int ProcessId => _process.Id;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>) and waits for /health.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? port = null, string environment = "Production")
    {
        var chosen = port ?? SmtpTestServer.FreePort();
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "PreventionPrize.Web.dll") },
            WorkingDirectory = AppContext.BaseDirectory, // the content root: appsettings.json is copied here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosen}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), chosen);
        app._process.OutputDataReceived += (_, e) => app.Record(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(120)); // generous: a loaded CI machine starts slowly
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting slowly
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The app on {Port} was not healthy within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; returns false at the timeout.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) return false;
            await Task.Delay(50);
        }
        return true;
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
    }
}
