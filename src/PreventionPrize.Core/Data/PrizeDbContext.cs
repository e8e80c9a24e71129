using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Audit;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

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

    /// <summary>Data Protection keys are shared by every app instance through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public void Audit(DateTime nowUtc, string? actorId, string action, string subject, string? details = null) =>
        AuditEvents.Add(new AuditEvent { AtUtc = nowUtc, ActorId = actorId, Action = action, Subject = subject, Details = details });

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
