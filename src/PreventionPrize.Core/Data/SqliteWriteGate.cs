using System.Collections.Concurrent;

namespace PreventionPrize.Core.Data;

/// <summary>
/// SQLite lets one connection write at a time, and whoever waits for the lock polls for it on a blocked thread, in no
/// order (Microsoft.Data.Sqlite's 150 ms sleeps, or SQLite's own busy timeout, see SqliteBusyTimeout). In a deadline
/// rush (bench-rush, docs/benchmarks.md) a writer could lose that lottery for the whole timeout and the request failed
/// with "database is locked", while the waiting threads starved the pool. Queueing the writers of this process for the
/// same file here, without a thread each, gives them the lock in turn. It changes no semantics: the database lock still
/// decides (other processes), and a writer that waits here longer than <see cref="MaxWait"/> (a write nested inside
/// another context's) goes on without the gate rather than deadlock.
/// </summary>
public static class SqliteWriteGate
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(MaxWait, ct) ? new Held(gate) : NotHeld.Instance;
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private sealed class NotHeld : IDisposable
    {
        public static readonly NotHeld Instance = new();

        public void Dispose() { }
    }
}
