using PreventionPrize.Cli;

return args switch
{
    ["bench-outbox", var count, .. var rest] when int.TryParse(count, out var n) && n > 0 => await OutboxBenchmark.RunAsync(n, rest),
    ["bench-web-drain", var count, .. var rest] when int.TryParse(count, out var n) && n > 0 => await WebDrainBenchmark.RunAsync(n, rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench-outbox N [--batch SIZE] [--runs R]");
    Console.Error.WriteLine("  queues N mails on a fresh SQLite file and times their delivery to an SMTP server in this process");
    Console.Error.WriteLine("usage: bench-web-drain N [--batch SIZE] [--runs R] [--requests IDLE] [--warmup SECONDS] [--max-requests M] [--cap SECONDS]");
    Console.Error.WriteLine("  hosts the web app on a loopback port and times GET / and GET /health while idle, then while N mails are queued and drained");
    return 2;
}
