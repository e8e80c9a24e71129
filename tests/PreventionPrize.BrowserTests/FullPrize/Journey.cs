using Microsoft.Playwright;
using MimeKit;

namespace PreventionPrize.BrowserTests.FullPrize;

/// <summary>
/// The stage of the full-prize story: the app in its browser host, numbered full-page screenshots under
/// <c>$PP_ARTIFACTS/screenshots/full-prize</c>, and the mail folder the app's e-mails land in.
/// </summary>
public sealed class Journey
{
    private readonly BrowserHost _host;
    private int _shots;

    /// <summary>Starts the story with an empty screenshot folder, so that a shorter run leaves no stale pages behind.</summary>
    public Journey(BrowserHost host)
    {
        _host = host;
        if (Directory.Exists(ScreenshotFolder)) Directory.Delete(ScreenshotFolder, recursive: true);
    }

    public PrizeAppFactory App => _host.App;

    public static string ScreenshotFolder { get; } = Path.Combine(BrowserHost.ArtifactsFolder, "full-prize");

    public string Url(string path) => _host.BaseUrl + path;

    /// <summary>
    /// A new browser window. Whatever the browser reports as an error on any page (a script failing, a style or a
    /// script the Content Security Policy refused) is kept, and the next accessibility check fails on it.
    /// </summary>
    public async Task<IPage> NewBrowserAsync(string language, bool phone = false)
    {
        var page = await _host.NewPageAsync(language == "fr" ? "fr-FR" : "en-GB", phone ? new() { Width = 390, Height = 844 } : null, touch: phone);
        return BrowserHost.WatchErrors(page, BrowserErrors);
    }

    public List<string> BrowserErrors { get; } = [];

    /// <summary>Saves the page as <c>NN-name.png</c>, numbered in the order of the story.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, $"{Interlocked.Increment(ref _shots):00}-{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
    }

    /// <summary>Waits for an e-mail to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> MailToAsync(string address, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (App.Mail.To(address).LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)) is { } message) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No mail to {address} about \"{subject}\"; subjects seen: {string.Join(" | ", App.Mail.To(address).Select(m => m.Subject))}");
            await Task.Delay(50);
        }
    }
}

/// <summary>
/// Someone in front of a browser. Every page they land on is checked by axe-core in the language they read it in,
/// and no page may have made the browser report an error; a phone user taps instead of clicking.
/// </summary>
public abstract class Actor(Journey journey, IPage page, string language, bool phone = false)
{
    protected Journey Journey { get; } = journey;
    public IPage Page { get; } = page;
    public string Language { get; private set; } = language;

    /// <summary>The English or the French text, as this person reads the site.</summary>
    protected string T(string english, string french) => Language == "fr" ? french : english;

    protected ILocator Main => Page.GetByRole(AriaRole.Main);

    protected ILocator Status => Page.GetByRole(AriaRole.Status).First;

    protected Task PressAsync(ILocator target) => phone ? target.TapAsync() : target.ClickAsync();

    protected Task PressButtonAsync(string english, string french, bool exact = false) =>
        PressAsync(Main.GetByRole(AriaRole.Button, new() { Name = T(english, french), Exact = exact }));

    protected Task FollowAsync(string english, string french, bool exact = false) =>
        PressAsync(Main.GetByRole(AriaRole.Link, new() { Name = T(english, french), Exact = exact }).First);

    protected Task GoToAsync(string path) => Page.GotoAsync(Journey.Url(path));

    /// <summary>axe-core on the page as it stands (no serious or critical violation), in this person's language; a screenshot if named.</summary>
    protected async Task CheckedAsync(string? screenshot = null)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(Page, Language);
        lock (Journey.BrowserErrors) Assert.True(Journey.BrowserErrors.Count == 0, string.Join("\n", Journey.BrowserErrors));
        if (screenshot is not null) await Journey.ScreenshotAsync(Page, screenshot);
    }

    public async Task SignsInAsync(string email, string password = TestClient.DefaultPassword)
    {
        await GoToAsync("/account/login");
        await CheckedAsync();
        await Main.GetByLabel(T("E-mail address", "Adresse e-mail")).FillAsync(email);
        await Main.GetByLabel(T("Password", "Mot de passe"), new() { Exact = true }).FillAsync(password);
        await PressButtonAsync("Sign in", "Se connecter", exact: true);
        await Assertions.Expect(Page.GetByText(email)).ToBeVisibleAsync();
    }

    /// <summary>The language switch in the page header; the choice is remembered for the next pages.</summary>
    public async Task SwitchesToFrenchAsync()
    {
        await PressAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Lire ce site en français" }));
        Language = "fr";
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await CheckedAsync();
    }
}

/// <summary>Anyone on the public site, signed in or not.</summary>
public sealed class Visitor(Journey journey, IPage page, string language) : Actor(journey, page, language)
{
    public static async Task<Visitor> ArrivesAsync(Journey journey, string language) =>
        new(journey, await journey.NewBrowserAsync(language), language);

    /// <summary>Before the release the gallery is there, without this call's winners.</summary>
    public async Task SeesNoWinnerYetAsync(string title)
    {
        await GoToAsync("/winners");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = T("Winners", "Lauréats"), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Main.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        await CheckedAsync();
    }

    public async Task OpensTheWinnersAsync(params string[] titles)
    {
        await GoToAsync("/");
        await PressAsync(Page.GetByRole(AriaRole.Link, new() { Name = T("Winners", "Lauréats"), Exact = true }).First);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = T("Winners", "Lauréats"), Exact = true })).ToBeVisibleAsync();
        foreach (var title in titles) await Assertions.Expect(Main.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await CheckedAsync("gallery");
    }

    public async Task ReadsTheWinnerAsync(string title, string outcome, string rationale)
    {
        await PressAsync(Main.GetByRole(AriaRole.Link, new() { Name = title }));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(Main.GetByText(outcome).First).ToBeVisibleAsync();
        await Assertions.Expect(Main.GetByText(rationale)).ToBeVisibleAsync();
        await CheckedAsync("winner");
    }
}
