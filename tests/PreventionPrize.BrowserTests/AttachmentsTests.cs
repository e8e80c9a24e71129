using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PreventionPrize.Core.Accounts;
using static PreventionPrize.BrowserTests.Accessibility;

namespace PreventionPrize.BrowserTests;

/// <summary>The attachments panel in Chromium on a real Kestrel server: the upload script, its progress bar and live messages, and Kestrel's own size limits.</summary>
public sealed class AttachmentsTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<(string Email, int EntryId)> ApplicantWithEntryAsync(int maxMegabytes = 10)
    {
        var email = $"files-{Guid.NewGuid():N}@example.org";
        var owner = await host.App.CreateUserAsync(email, Roles.Applicant);
        var call = await host.App.CreateOpenCallAsync(c => c.EntryRules.MaxAttachmentMegabytes = maxMegabytes);
        var entry = await host.App.CreateEntryAsync(owner.Id, call.Id);
        return (email, entry.Id);
    }

    [Fact]
    public async Task An_applicant_uploads_with_a_progress_bar_sees_the_list_refresh_and_the_warning_then_removes_the_file()
    {
        var (email, entryId) = await ApplicantWithEntryAsync();
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email);

        var panelUrl = $"/entries/{entryId}/attachments";
        await page.GotoAsync(host.BaseUrl + panelUrl + "?returnUrl=" + Uri.EscapeDataString(panelUrl));
        await Assertions.Expect(page.GetByText("Up to 5 files, at most 10 MB each, in these formats: PDF, PNG, JPEG.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);

        // Record what the progress bar shows while the upload runs.
        await page.EvaluateAsync(@"() => {
            window.progressSeen = [];
            const bar = document.querySelector('[data-attachments-progress]');
            new MutationObserver(() => window.progressSeen.push(bar.hidden ? 'hidden' : bar.value)).observe(bar, { attributes: true });
        }");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "Évaluation été.pdf",
            MimeType = "application/pdf",
            Buffer = SampleFiles.Pdf(author: "Léa Dupont", filler: 3_000_000),
        });
        await page.GetByLabel("What is this file?").SelectOptionAsync("Supporting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the file" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The file was added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Évaluation été.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The document's properties (Author) name your organisation or a team member.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Files added: 1 of 5.")).ToBeVisibleAsync();
        var seen = await page.EvaluateAsync<string[]>("() => window.progressSeen.map(String)");
        Assert.Contains("100", seen);
        Assert.Equal("hidden", seen.Last());
        await AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "attachments-uploaded");

        // A refusal is read out in the live region and changes nothing.
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "setup.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Exe() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("This file is not one of the accepted formats (PDF, PNG, JPEG).");
        await Assertions.Expect(page.GetByText("Files added: 1 of 5.")).ToBeVisibleAsync();

        // Removing works as a plain form: post, then back to the page with the message.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Évaluation été.pdf" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The file was removed.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No file yet.")).ToBeVisibleAsync();
        Assert.False(await host.App.WithDbAsync(db => db.Attachments.AnyAsync(a => a.EntryId == entryId)));
    }

    [Fact]
    public async Task Kestrel_takes_a_file_above_its_default_body_limit_and_refuses_one_above_the_ceiling_with_a_message()
    {
        var (email, entryId) = await ApplicantWithEntryAsync(maxMegabytes: 50);
        using var client = new TestClient(new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
        }) { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2) });
        await client.SignInAsync(email);
        var url = $"/entries/{entryId}/attachments";

        // Kestrel's default limit is about 28.6 MB; [RequestSizeLimit] must be in force when the form is read.
        var large = await client.UploadAsync(url, "large.pdf", SampleFiles.PdfOfSize(35L * 1024 * 1024), [new("purpose", "Supporting")], fromScript: true);
        Assert.Equal(HttpStatusCode.OK, large.Status);

        // Over the ceiling, Kestrel refuses as soon as the form is read and closes the connection. A client still
        // sending the body may see only the reset (the script then shows its generic message); one that waits
        // for "100 Continue", as large uploads may, reads the answer.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync()), "__RequestVerificationToken" },
            { new StringContent("Supporting"), "purpose" },
            { new ByteArrayContent(SampleFiles.PdfOfSize(60L * 1024 * 1024)), "file", "huge.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var huge = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("The file is much larger than this call allows.", await huge.Content.ReadAsStringAsync());
        var names = await host.App.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entryId).Select(a => a.OriginalName).ToListAsync());
        Assert.Equal(["large.pdf"], names);
    }
}
