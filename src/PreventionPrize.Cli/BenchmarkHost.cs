using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using PreventionPrize.Web.Infrastructure.Startup;

namespace PreventionPrize.Cli;

/// <summary>
/// The web app as every benchmark builds it: as src/PreventionPrize.Web/Program.cs does, in a non-Development
/// environment ("Benchmark": production error pages, no demo seeding), on a fresh temporary folder. The application
/// name is the web project's, as WebApplicationFactory sets it: MVC finds its controllers and compiled views in the
/// application's assembly, which here is not the entry assembly.
/// </summary>
internal static class BenchmarkHost
{
    public static WebApplicationBuilder CreateBuilder(out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "pp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebRoot).Assembly.GetName().Name,
            EnvironmentName = "Benchmark",
            ContentRootPath = folder,
            WebRootPath = WebRoot.Locate(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error); // "no XML encryptor": a fresh key ring each run
        return builder;
    }
}
