using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Audit;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Leasing;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.Core.Data;

/// <summary>
/// The one model shared by both providers. Each provider's migrations live in their own project under
/// <c>migrations/</c>; the model avoids provider-specific column types so both stay in step.
/// </summary>
public sealed class PrizeDbContext(DbContextOptions<PrizeDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<EntryVersion> EntryVersions => Set<EntryVersion>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JuryMember> JuryMembers => Set<JuryMember>();
    public DbSet<JurorDeclaration> JurorDeclarations => Set<JurorDeclaration>();
    public DbSet<Conflict> Conflicts => Set<Conflict>();
    public DbSet<FirstSight> FirstSights => Set<FirstSight>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundEntry> RoundEntries => Set<RoundEntry>();
    public DbSet<RoundJuror> RoundJurors => Set<RoundJuror>();
    public DbSet<JurorAssignment> Assignments => Set<JurorAssignment>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<JurorScore> Scores => Set<JurorScore>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ReplicationKit> ReplicationKits => Set<ReplicationKit>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();

    /// <summary>Data Protection keys are shared by every app instance through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Records an event with the change (same SaveChanges); details longer than the column keep their beginning.</summary>
    public void Audit(DateTime nowUtc, string? actorId, string action, string subject, string? details = null) =>
        AuditEvents.Add(new AuditEvent
        {
            AtUtc = nowUtc, ActorId = actorId, Action = action, Subject = subject,
            Details = details is { Length: > AuditEvent.DetailsMaxLength } ? details[..(AuditEvent.DetailsMaxLength - 1)] + "…" : details,
        });

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, through the provider's execution strategy (SQL Server retries
    /// transient failures, and a retried transaction must be replayed whole).
    /// </summary>
    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var write = await BeginWriteAsync(ct);
            await work(ct);
            await write.CommitAsync(ct);
        });

    private bool OnSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// A transaction that writes. On SQLite it starts with the write lock taken (BEGIN IMMEDIATE), after queueing in
    /// <see cref="SqliteWriteGate"/>, so what it reads is what it writes over: use it to read-then-write a counter.
    /// </summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken ct)
    {
        var gate = OnSqlite ? await SqliteWriteGate.EnterAsync(Database.GetConnectionString()!, ct) : null;
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Dispose();
            throw;
        }
    }

    public sealed class WriteTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IDisposable? gate) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                gate?.Dispose();
            }
        }
    }

    /// <summary>
    /// Two requests may enqueue the same event at once: both see no row, the second insert hits the unique key.
    /// That is "already queued", not an error: the duplicate mail is dropped and the rest of the change saved.
    /// (Inside a caller's transaction the failure stands, since part of the transaction may be gone.)
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var gate = OnSqlite && Database.CurrentTransaction is null && ChangeTracker.HasChanges()
            ? await SqliteWriteGate.EnterAsync(Database.GetConnectionString()!, cancellationToken) : null;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException) when (Database.CurrentTransaction is null)
        {
            var added = ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
            var keys = added.Select(e => e.Entity.IdempotencyKey).ToList();
            var queued = keys.Count == 0 ? [] : await OutboxMessages.AsNoTracking()
                .Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken);
            if (queued.Count == 0) throw;
            foreach (var entry in added.Where(e => queued.Contains(e.Entity.IdempotencyKey))) entry.State = EntityState.Detached;
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PrizeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC. SQLite returns Kind=Unspecified; the converter restores Kind=Utc on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
