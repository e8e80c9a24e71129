using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;
using Xunit.Abstractions;

namespace PreventionPrize.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances of the app as separate processes behind an imaginary load balancer, on one SQLite file, one
/// storage folder and one SMTP server: what one instance signs or stores, the other reads; the outbox and the
/// scheduled jobs, which both run, do each piece of work once.
/// </summary>
public sealed class TwoProcessesTests(ITestOutputHelper output)
{
    private const int Mails = 1000;

    [Fact]
    public async Task Two_processes_on_one_database_share_sign_in_and_files_send_1000_mails_once_and_remind_once()
    {
        var total = Stopwatch.StartNew();
        await using var smtp = await SmtpTestServer.StartAsync();

        // The database as a deployment's first start leaves it: migrated, Data Protection key ring made, and the data.
        await using var seed = new PrizeAppFactory();
        seed.Settings["Reminders:Enabled"] = "false";
        seed.Settings["Results:ReleaseJob"] = "false";
        seed.Settings["Mail:Dispatcher:Enabled"] = "false";
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var applicant = await seed.CreateUserAsync(email, Roles.Applicant);
        var call = await seed.CreateOpenCallAsync(c => c.ClosesAtUtc = DateTime.UtcNow.AddHours(10)); // inside the 24 h reminder step
        var draft = await seed.CreateEntryAsync(applicant.Id, call.Id);

        var settings = seed.DatabaseSettings(); // the SQLite file, or the CI's SQL Server database
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Local",
            ["Storage:Folder"] = seed.FilesFolder,
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Dispatcher:PollSeconds"] = "1",
            ["Mail:Dispatcher:BatchSize"] = "50",
            ["Security:AllowPlainHttp"] = "true",
            ["Demo:Seed"] = "false",
            ["App:PublicBaseUrl"] = "https://prize.example.org",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:PreventionPrize.Web.Infrastructure.Jobs"] = "Debug",
        }) settings[key] = value;
        var started = Stopwatch.StartNew();
        var instances = await Task.WhenAll(AppProcess.StartAsync(settings), AppProcess.StartAsync(settings));
        await using var a = instances[0];
        await using var b = instances[1];
        output.WriteLine($"both instances healthy after {started.ElapsedMilliseconds} ms (pids {a.ProcessId}, {b.ProcessId})");

        // (a) One browser, two instances: the cookies and the form's antiforgery token come from A, the post goes to B.
        var cookies = new CookieContainer();
        using var onA = Browser(a, cookies);
        using var onB = Browser(b, cookies);
        var step = Stopwatch.StartNew();
        await onA.SignInAsync(email);
        var form = await onA.GetAsync($"/entries/{draft.Id}/edit");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var saved = await onB.SubmitAsync(form, [new("Title", "Saved through the other instance")], "form.entry-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/entries/{draft.Id}/edit", saved.Location);
        Assert.Equal("Saved through the other instance", await seed.WithDbAsync(db => db.Entries.Where(e => e.Id == draft.Id).Select(e => e.Title).SingleAsync()));

        var pdf = SampleFiles.PdfOfSize(300 * 1024);
        var upload = await onA.UploadAsync($"/entries/{draft.Id}/attachments", "report.pdf", pdf, [new("purpose", "Supporting")]);
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        var attachment = await seed.WithDbAsync(db => db.Attachments.Where(x => x.EntryId == draft.Id).Select(x => x.Id).SingleAsync());
        var download = await onB.Http.GetAsync($"/entries/{draft.Id}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        output.WriteLine($"sign in on A, save and download on B: {step.ElapsedMilliseconds} ms");

        // (b) 1,000 queued mails, drained by both instances' dispatchers.
        step.Restart();
        await QueueAsync(seed, Mails);
        var queued = step.ElapsedMilliseconds;
        step.Restart();
        await WaitUntilAsync(() => smtp.Received.Count(m => m.Recipients.Any(r => r.StartsWith("bulk", StringComparison.Ordinal))) >= Mails,
            TimeSpan.FromSeconds(120), () => $"{smtp.Received.Count} received\nA:\n{a.Output}\nB:\n{b.Output}");
        var drained = step.ElapsedMilliseconds;
        await Task.Delay(1500); // anything sent twice would arrive now
        var bulk = smtp.Received.Where(m => m.Recipients.Any(r => r.StartsWith("bulk", StringComparison.Ordinal))).ToList();
        Assert.Equal(Mails, bulk.Count);
        Assert.Equal(Mails, bulk.SelectMany(m => m.Recipients).Distinct().Count());
        Assert.Equal(smtp.Received.Count, smtp.Received.Select(m => m.Message.MessageId).Distinct().Count());
        var rows = await seed.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("scale:"))
            .Select(m => new { m.State, m.Attempts, m.LeaseOwner }).ToListAsync());
        Assert.All(rows, m => Assert.Equal((OutboxState.Sent, 1), (m.State, m.Attempts)));
        var byProcess = rows.GroupBy(m => int.Parse(m.LeaseOwner!.Split(':')[1])).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { a.ProcessId, b.ProcessId }.Order(), byProcess.Keys.Order()); // both dispatchers took part
        output.WriteLine($"{Mails} mails queued in {queued} ms, drained in {drained} ms ({Mails * 1000.0 / Math.Max(1, drained):F0}/s): " +
            $"A sent {byProcess.GetValueOrDefault(a.ProcessId)}, B sent {byProcess.GetValueOrDefault(b.ProcessId)}");

        // (c) Both instances ran the reminder job's loop; one ran the pass, the other found it done.
        Assert.True(await a.WaitForOutputAsync("Job draft-reminders", TimeSpan.FromSeconds(20)), a.Output);
        Assert.True(await b.WaitForOutputAsync("Job draft-reminders", TimeSpan.FromSeconds(20)), b.Output);
        var log = a.Output + b.Output;
        Assert.Equal(1, Occurrences(log, "Job draft-reminders ran a pass"));
        Assert.Equal(1, Occurrences(log, "Job draft-reminders was not due or is held by another instance"));
        var job = await seed.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == "draft-reminders"));
        Assert.Equal(1, job.Runs);
        await WaitUntilAsync(() => smtp.To(email).Count >= 1, TimeSpan.FromSeconds(20), () => "no reminder arrived");
        await Task.Delay(500);
        Assert.Single(smtp.To(email));
        Assert.Equal([$"entry.draftreminder:{draft.Id}:24h"], await seed.WithDbAsync(db =>
            db.OutboxMessages.Where(m => m.Kind == "entry.draftreminder").Select(m => m.IdempotencyKey).ToListAsync()));

        // The instances did not each make a key ring of their own (then A's cookies would mean nothing to B).
        Assert.Equal(1, await seed.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        output.WriteLine($"total {total.ElapsedMilliseconds} ms");
    }

    private static TestClient Browser(AppProcess app, CookieContainer cookies) =>
        new(new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        });

    private static async Task QueueAsync(PrizeAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrizeDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<MailRenderer>().Render(new RoundClosedMail("Digital Prevention Prize 2027", "First round"), "en");
        var options = scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value;
        var now = DateTime.UtcNow; // the instances' real clock, not the seeding host's fake one
        for (var i = 0; i < count; i++)
            db.OutboxMessages.Add(MailOutbox.Create($"scale:{i}", new MailRecipient($"bulk{i}@example.org", null, "en"), mail, now, options));
        await db.SaveChangesAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(explain());
            await Task.Delay(50);
        }
    }

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
