extern alias cli;

using cli::PreventionPrize.Cli.Rush;

namespace PreventionPrize.IntegrationTests.Rush;

/// <summary>
/// A small deadline rush as a guard: bench-rush's own host, seed, HTTP journeys and final check, with 40 applicants
/// ten at a time. Speed is the benchmark's business (docs/benchmarks.md); this asserts only that nothing fails, is
/// lost or happens twice when teams sign in, upload and submit at the same moment.
/// </summary>
public sealed class DeadlineRushTests
{
    [Fact]
    public async Task Forty_applicants_submitting_at_once_get_no_error_and_each_entry_receipt_and_file_exists_exactly_once()
    {
        var result = await RushBenchmark.RunOnceAsync(new RushBenchmark.Settings(Applicants: 40, Concurrency: 10, Runs: 1, PdfBytes: 512 * 1024));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Check.Losses);
        Assert.Empty(result.Check.Duplicates);
        Assert.Equal((40, 40, 40, 40, 40), (result.Check.Entries, result.Check.Submitted, result.Check.Versions, result.Check.Receipts, result.Check.Attachments));
        Assert.Equal(40, result.TotalMs.Count);
    }
}
