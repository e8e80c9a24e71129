namespace PreventionPrize.Web.Infrastructure.Startup;

/// <summary>
/// The web root is the repository's top-level <c>wwwroot/</c>. A published app carries it beside the binaries;
/// from a source tree (dotnet run, tests) it is found by walking up from the binaries.
/// </summary>
public static class WebRoot
{
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "wwwroot");
            if (File.Exists(Path.Combine(candidate, "css", "site.css"))) return candidate;
        }
        throw new DirectoryNotFoundException("No wwwroot/css/site.css found above " + AppContext.BaseDirectory);
    }
}
