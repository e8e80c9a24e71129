using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// The app on a real Kestrel port, over HTTPS with a throw-away certificate so that the production cookie
/// settings (__Host- prefix, Secure) are what the browser sees, and a real Chromium (Debian's, since Playwright
/// cannot download its own here). PP_CHROMIUM overrides the browser's path. A missing browser is a failure, never a skip.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public PrizeAppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    private IPlaywright? _playwright;

    /// <summary>
    /// Screenshots of key pages, kept as CI artifacts: under <c>$PP_ARTIFACTS/screenshots</c> (set by <c>.ci/run</c>),
    /// otherwise beside the test binaries, where a developer finds them after a local run.
    /// </summary>
    public static string ArtifactsFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("PP_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.Combine(AppContext.BaseDirectory, "artifacts"),
        "screenshots");

    public async Task InitializeAsync()
    {
        // CI runs the test assemblies side by side on two cores: a submission that takes 1 s alone can take 6 s there.
        // Five seconds (Playwright's default) made waits for a page's answer fail under load, not for a wrong answer.
        Assertions.SetDefaultExpectTimeout(20_000);
        var certificate = SelfSignedCertificate();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var executable = Environment.GetEnvironmentVariable("PP_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"No Chromium at {executable}: install it (apt-get install chromium) or set PP_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            // This machine has no network but loopback: keep Chromium from trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <param name="touch">A phone: a touch screen, and the mobile viewport meta tag honoured.</param>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", ViewportSize? viewport = null, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            Locale = locale,
            ViewportSize = viewport ?? new() { Width = 1280, Height = 900 },
            HasTouch = touch,
            IsMobile = touch,
            IgnoreHTTPSErrors = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Keeps whatever the browser reports as an error on <paramref name="page"/> (a script failing, a style or a script
    /// the Content Security Policy refused, a failed request the console names) in <paramref name="errors"/>.
    /// </summary>
    public static IPage WatchErrors(IPage page, List<string> errors)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (errors) errors.Add($"{page.Url}: {error}"); };
        return page;
    }

    /// <summary>
    /// Signs <paramref name="email"/> in with the test password through the sign-in form, as a person types it.
    /// <paramref name="site"/> stands for another name of the same server (passkeys need <c>localhost</c>). With
    /// <paramref name="toSession"/> it waits for the signed-in page; without, the next page is the test's (a second step).
    /// </summary>
    public async Task SignInAsync(IPage page, string email, string? site = null, bool toSession = true)
    {
        await page.GotoAsync((site ?? BaseUrl) + "/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(TestClient.DefaultPassword);
        // The password form's own button: the page has another one, "Use a passkey".
        await page.Locator("main form[action='/account/login'] button[type=submit]").ClickAsync();
        if (toSession) await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Round-trip through PFX so that Kestrel on Linux gets a certificate whose private key it can use.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
