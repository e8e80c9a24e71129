using PreventionPrize.Cli;
using PreventionPrize.Cli.Assign;

return args switch
{
    ["bench-outbox", var count, .. var rest] when int.TryParse(count, out var n) && n > 0 => await OutboxBenchmark.RunAsync(n, rest),
    ["bench-web-drain", var count, .. var rest] when int.TryParse(count, out var n) && n > 0 => await WebDrainBenchmark.RunAsync(n, rest),
    ["assign", var path, .. var rest] => AssignCommand.Run(path, rest, Console.Out, Console.Error),
    ["bench-assign", .. var rest] => AssignmentBenchmark.Run(rest),
    ["bench-assign-round", .. var rest] => await RoundAssignmentBenchmark.RunAsync(rest),
    ["bench-results", .. var rest] => ResultsBenchmark.Run(rest),
    ["bench-gallery", .. var rest] => await GalleryBenchmark.RunAsync(rest),
    ["bench-rush", .. var rest] => await PreventionPrize.Cli.Rush.RushBenchmark.RunAsync(rest),
    ["gen-assign-instance", var n, var m, var seed, var path]
        when int.TryParse(n, out var entries) && int.TryParse(m, out var jurors) && int.TryParse(seed, out var s) && entries > 0 && jurors > 0
        => AssignmentBenchmark.Generate(entries, jurors, s, path),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench-outbox N [--batch SIZE] [--runs R]");
    Console.Error.WriteLine("  queues N mails on a fresh SQLite file and times their delivery to an SMTP server in this process");
    Console.Error.WriteLine("usage: bench-web-drain N [--batch SIZE] [--runs R] [--requests IDLE] [--warmup SECONDS] [--max-requests M] [--cap SECONDS]");
    Console.Error.WriteLine("  hosts the web app on a loopback port and times GET / and GET /health while idle, then while N mails are queued and drained");
    Console.Error.WriteLine("usage: assign INSTANCE.json [--dimacs OUT.min] [--dense]");
    Console.Error.WriteLine("  exactly k jurors per entry, at most maxLoad entries per juror, no conflict, total affinity maximal; prints JSON");
    Console.Error.WriteLine("  (exit 1 with the shortfalls when no such assignment exists); --dimacs also writes the flow network for other solvers");
    Console.Error.WriteLine("usage: bench-assign [--runs R] [--dense] [--balance W]");
    Console.Error.WriteLine("  solves seeded generated instances from 100 × 7 to 2,623 × 1,373 and prints time, memory, objective and load spread");
    Console.Error.WriteLine("  (--balance W: the load-balance weight; 0, the plain objective, by default)");
    Console.Error.WriteLine("usage: bench-assign-round [--entries N] [--jurors M] [--runs R]");
    Console.Error.WriteLine("  the web app's own Compute button end to end on SQLite (read the round, solve, save the pairs); 100 × 7 by default");
    Console.Error.WriteLine("usage: bench-results [--entries 2000] [--jurors 300] [--per-entry 5] [--criteria 5] [--runs 3]");
    Console.Error.WriteLine("  the results page's statistics on simulated scores: aggregates, calibration, agreement, 1,000 bootstrap resamples");
    Console.Error.WriteLine("usage: bench-gallery [--winners 30] [--concurrency 16] [--seconds 10]");
    Console.Error.WriteLine("  load on the public gallery over loopback: requests/s and latency percentiles per route, beside /health");
    Console.Error.WriteLine("usage: bench-rush [--applicants 1000] [--concurrency 50] [--runs 3] [--pdf-kb 2048] [--no-dispatcher] [--set Key=Value]...");
    Console.Error.WriteLine("  the deadline rush over loopback: each applicant signs in, uploads a PDF and submits; throughput, latency percentiles,");
    Console.Error.WriteLine("  errors, and a check that every submission, receipt and file exists exactly once");
    Console.Error.WriteLine("usage: gen-assign-instance N M SEED OUT.json");
    Console.Error.WriteLine("  writes an instance for assign: N entries, M jurors, every pair scored 0..100, 2 % conflicts, k = 3");
    return 2;
}
