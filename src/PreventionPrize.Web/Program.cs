using PreventionPrize.Web.Infrastructure.Startup;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Locate() });
builder.Services.AddPrizePlatform(builder.Configuration, builder.Environment);

var app = builder.Build();
if (await AdminVerbs.TryRunAsync(app, args) is { } exitCode) return exitCode;

await app.PrepareDatabaseAsync();
app.UsePrizePipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
