using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace PreventionPrize.TestSupport;

/// <summary>
/// The Azure Storage emulator's blob service (Azurite, from npm: <c>npm ci --prefix tools/azurite</c>, which
/// <c>.ci/run</c> does, and this fixture too when it is missing) on a free loopback port, in memory, for one test class. If it cannot start the tests that
/// need it fail, with the reason: a blob store left untested is not a pass.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    /// <summary>The emulator's fixed development account (public, documented; not a secret).</summary>
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "pp-azurite", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; } = SmtpTestServer.FreePort();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public async Task InitializeAsync()
    {
        var script = await InstalledAsync();
        Directory.CreateDirectory(_workspace);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--inMemoryPersistence",
                "--skipApiVersionCheck", "--disableTelemetry",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace, // where it would put anything it writes
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"Azurite did not listen on {Port} within 30 s:\n{Output}");
            }
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>
    /// tools/azurite's blob service script, found by walking up from the test binaries to the repository; installed
    /// from the lock file on first use (<c>npm ci</c>), so that <c>dotnet test</c> works from a fresh clone with Node.js.
    /// </summary>
    private static async Task<string> InstalledAsync()
    {
        var tools = Tools();
        var script = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(script)) return script;
            var npm = new ProcessStartInfo("npm") { ArgumentList = { "ci", "--prefix", tools, "--no-audit", "--no-fund" }, RedirectStandardOutput = true, RedirectStandardError = true };
            using var install = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start");
            var stdout = install.StandardOutput.ReadToEndAsync();
            var stderr = install.StandardError.ReadToEndAsync();
            await install.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            return install.ExitCode == 0 && File.Exists(script) ? script
                : throw new InvalidOperationException($"`npm ci --prefix {tools}` failed ({install.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static string Tools()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, "tools", "azurite");
            if (File.Exists(Path.Combine(tools, "package.json"))) return tools;
        }
        throw new DirectoryNotFoundException("No tools/azurite/package.json above " + AppContext.BaseDirectory);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(5000);
        _process?.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        return Task.CompletedTask;
    }
}
