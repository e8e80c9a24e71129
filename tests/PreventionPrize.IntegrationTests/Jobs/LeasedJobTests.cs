using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PreventionPrize.Core.Leasing;
using PreventionPrize.Web.Infrastructure.Jobs;

namespace PreventionPrize.IntegrationTests.Jobs;

/// <summary>
/// Two app hosts on one database, each with its own runner for the same job, on one clock the tests move:
/// a pass runs once however they race, and a crashed instance's lease runs out so the other takes over.
/// </summary>
public sealed class LeasedJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    private readonly PrizeAppFactory _first = Quiet(new PrizeAppFactory());
    private PrizeAppFactory _second = null!;
    private readonly string _name = "test-" + Guid.NewGuid().ToString("N")[..8];
    private int _passes;

    private FakeTimeProvider Clock => _first.Clock;

    private static PrizeAppFactory Quiet(PrizeAppFactory app)
    {
        app.Settings["Reminders:Enabled"] = "false";
        app.Settings["Results:ReleaseJob"] = "false";
        app.Settings["Mail:Dispatcher:Enabled"] = "false";
        return app;
    }

    public Task InitializeAsync()
    {
        _ = _first.Services; // migrates the file
        _second = Quiet(new PrizeAppFactory());
        _second.ShareDatabaseWith(_first);
        _ = _second.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private LeasedJob Runner(PrizeAppFactory app, Func<CancellationToken, Task> pass) =>
        new(new JobDefinition(_name, Every, Lease, (_, ct) => pass(ct)), app.Services.GetRequiredService<IServiceScopeFactory>(), Clock,
            NullLogger<LeasedJob>.Instance);

    private async Task CountedPass(CancellationToken ct)
    {
        Interlocked.Increment(ref _passes);
        await Task.Delay(50, ct); // long enough for the other runner to try while this one holds the lease
    }

    private Task<ScheduledJob> RowAsync() => _first.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == _name));

    [Fact]
    public async Task Two_instances_racing_for_the_same_job_run_each_pass_once()
    {
        var a = Runner(_first, CountedPass);
        var b = Runner(_second, CountedPass);

        for (var round = 1; round <= 8; round++)
        {
            var ran = await Task.WhenAll(Task.Run(() => a.TryRunAsync(default)), Task.Run(() => b.TryRunAsync(default)));
            Assert.Equal(1, ran.Count(r => r));
            Assert.Equal(round, _passes);
            Clock.Advance(Every);
        }

        var row = await RowAsync();
        Assert.Equal(8, row.Runs);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task A_pass_is_not_due_again_on_either_instance_until_the_interval_has_passed()
    {
        var a = Runner(_first, CountedPass);
        var b = Runner(_second, CountedPass);
        Assert.True(await a.TryRunAsync(default));

        Clock.Advance(Every / 2);
        Assert.False(await b.TryRunAsync(default));
        Assert.False(await a.TryRunAsync(default));

        Clock.Advance(Every / 2);
        Assert.True(await b.TryRunAsync(default));
        Assert.Equal(2, _passes);
    }

    [Fact]
    public async Task A_crashed_instances_lease_runs_out_and_the_other_takes_over_without_being_overwritten()
    {
        var started = new TaskCompletionSource();
        var hung = new TaskCompletionSource();
        var a = Runner(_first, async _ =>
        {
            started.SetResult();
            await hung.Task; // the instance is stuck (or dead) while holding the lease
        });
        var b = Runner(_second, CountedPass);
        var first = Task.Run(() => a.TryRunAsync(default));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(await b.TryRunAsync(default));
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.False(await b.TryRunAsync(default));
        Assert.StartsWith(a.Worker, (await RowAsync()).LeaseOwner);

        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await b.TryRunAsync(default));
        var afterTakeOver = await RowAsync();

        hung.SetResult(); // the stuck pass finally ends: its bookkeeping must not touch the row the other owns now
        Assert.True(await first);
        var row = await RowAsync();
        Assert.Equal((1, afterTakeOver.LastRunAtUtc, null), (row.Runs, row.LastRunAtUtc, row.LeaseOwner));
        Assert.Equal(1, _passes);
    }

    [Fact]
    public async Task A_failed_pass_gives_the_job_back_still_due()
    {
        var a = Runner(_first, _ => throw new InvalidOperationException("the pass broke"));
        var b = Runner(_second, CountedPass);

        await Assert.ThrowsAsync<InvalidOperationException>(() => a.TryRunAsync(default));

        Assert.True(await b.TryRunAsync(default));
        Assert.Equal(1, (await RowAsync()).Runs);
    }
}

/// <summary>The app's own jobs are registered as leased jobs: each instance's first pass shows in ScheduledJobs.</summary>
public sealed class RegisteredJobsTests
{
    [Fact]
    public async Task Draft_reminders_results_release_and_retention_run_under_their_ScheduledJobs_rows()
    {
        await using var app = new PrizeAppFactory();
        app.Settings["Mail:Dispatcher:Enabled"] = "false";
        _ = app.Services;

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<ScheduledJob> rows;
        do
        {
            await Task.Delay(50);
            rows = await app.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().OrderBy(j => j.Name).ToListAsync());
        } while (rows.Count(r => r.Runs > 0) < 3 && DateTime.UtcNow < deadline);

        Assert.Equal(["draft-reminders", "results-release", "retention"], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal((1, app.Clock.GetUtcNow().UtcDateTime, null), (r.Runs, r.LastRunAtUtc, r.LeaseOwner)));
    }
}
