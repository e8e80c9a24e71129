using PreventionPrize.Cli;

return args switch
{
    ["bench-outbox", var count, .. var rest] when int.TryParse(count, out var n) && n > 0 => await OutboxBenchmark.RunAsync(n, rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench-outbox N [--batch SIZE] [--runs R]");
    Console.Error.WriteLine("  queues N mails on a fresh SQLite file and times their delivery to an SMTP server in this process");
    return 2;
}
