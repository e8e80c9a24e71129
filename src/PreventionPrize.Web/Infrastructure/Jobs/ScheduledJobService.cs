namespace PreventionPrize.Web.Infrastructure.Jobs;

/// <summary>
/// Tries its job at start and then every <see cref="JobDefinition.Every"/> on the injected clock. Every instance runs
/// one of these per job; <see cref="LeasedJob"/> lets only one of them run each pass. A failing pass is logged and
/// tried again at the next tick.
/// </summary>
public sealed class ScheduledJobService(LeasedJob job, TimeProvider clock, ILogger<ScheduledJobService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = job.Definition.Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await job.TryRunAsync(stoppingToken)) log.LogDebug("Job {Job} ran a pass", name);
                else log.LogDebug("Job {Job} was not due or is held by another instance", name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Job {Job} failed; next try in {Every}", name, job.Definition.Every);
            }
            try
            {
                await Task.Delay(job.Definition.Every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
