using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PreventionPrize.BrowserTests;

/// <summary>Runs axe-core on the page as it stands and fails on any serious or critical violation.</summary>
public static class Accessibility
{
    /// <summary>
    /// <paramref name="skipFrames"/> for pages that show an e-mail in a sandboxed iframe: axe cannot run its script
    /// inside a frame that forbids scripts and would wait for it forever; the frame's content is the mail, not a page.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, bool skipFrames = false)
    {
        var results = skipFrames
            ? await page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector("iframe")] }, new AxeRunOptions { Iframes = false })
            : await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>
    /// The same check, after making sure the page is in <paramref name="language"/> ("en" or "fr") as its
    /// <c>lang</c> attribute says: a page checked in the wrong language would prove nothing about the other one.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string language, bool skipFrames = false)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await AssertNoSeriousViolationsAsync(page, skipFrames);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ArtifactsFolder, name + ".png"), FullPage = true });
}
