using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PreventionPrize.Web.Infrastructure.Jobs;

public static class JobRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> (scoped) and a background loop that runs <paramref name="pass"/> on a fresh
    /// instance of it every <paramref name="every"/>, once across all app instances on the database:
    /// <c>services.AddScheduledJob&lt;RetentionSweep&gt;("retention", TimeSpan.FromHours(1), (job, ct) =&gt; job.RunOnceAsync(ct));</c>
    /// <paramref name="name"/> is the job's row in <c>ScheduledJobs</c>; keep it stable (at most 64 characters).
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, TimeSpan every,
        Func<TJob, CancellationToken, Task> pass, TimeSpan? lease = null, bool enabled = true)
        where TJob : class
    {
        services.TryAddScoped<TJob>();
        if (!enabled) return services;
        var definition = new JobDefinition(name, every, lease ?? DefaultLease,
            (provider, ct) => pass(provider.GetRequiredService<TJob>(), ct));
        services.AddSingleton<IHostedService>(provider => new ScheduledJobService(
            new LeasedJob(definition, provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LeasedJob>>()),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ScheduledJobService>>()));
        return services;
    }

    /// <summary>Long enough for any pass here (a results release queues a few hundred mails in seconds).</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(15);
}
