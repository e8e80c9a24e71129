using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>
/// The app as it runs in production (environment <c>Production</c>), with a file store that fails the way a full
/// disk or a lost share does, so that a real exception travels through the real exception handler.
/// </summary>
public sealed class ProductionAppFactory : PrizeAppFactory
{
    public const string Internals = "store-internal-detail-7f3a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IFileStore>();
            services.AddSingleton<IFileStore, BrokenStore>();
        });
    }

    private sealed class BrokenStore : IFileStore
    {
        public Task<string> SaveAsync(Stream content, CancellationToken ct) => throw new InvalidOperationException($"{Internals} at /srv/share/files");
        public Task<Stream> OpenAsync(string key, CancellationToken ct) => throw new InvalidOperationException(Internals);
        public Task DeleteAsync(string key, CancellationToken ct) => throw new InvalidOperationException(Internals);
    }
}

public sealed class ProductionResponseTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Hsts_asks_for_a_year_with_subdomains_on_https()
    {
        // UseHsts leaves out localhost, so ask as the public host would be asked.
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://prize.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single().Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("max-age=31536000", hsts);
        Assert.Contains("includeSubDomains", hsts);
        SecurityAssertions.AssertSecurityHeaders(response, "production page");
    }

    [Fact]
    public async Task A_failure_inside_the_app_is_a_generic_page_without_internals()
    {
        var (owner, entry) = await app.ApplicantWithEntryAsync();
        using var _ = owner;

        var page = await owner.UploadAsync($"/entries/{entry.Id}/attachments", "report.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")]);

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Something went wrong", page.Text);
        Assert.DoesNotContain(ProductionAppFactory.Internals, page.Html);
        Assert.DoesNotContain("Exception", page.Html);
        Assert.DoesNotContain("/srv/share", page.Html);
        Assert.DoesNotContain("PreventionPrize.Web", page.Html);
        Assert.DoesNotMatch(@"\bat \w+(\.\w+)+\(", page.Html); // a stack frame
        SecurityAssertions.AssertSecurityHeaders(page.Response, "500");
    }
}
