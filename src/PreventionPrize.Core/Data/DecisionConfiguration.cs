using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Core.Data;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.HasOne<Call>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Entry>().WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Restrict);
        // One outcome per entry: deciding again changes it (audited), never adds a second.
        decision.HasIndex(d => d.EntryId).IsUnique();
        decision.HasIndex(d => new { d.CallId, d.Outcome });
        decision.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        decision.Property(d => d.Rationale).HasMaxLength(Decision.RationaleMaxLength);
        decision.Property(d => d.DecidedById).HasMaxLength(450);
        decision.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class ReplicationKitConfiguration : IEntityTypeConfiguration<ReplicationKit>
{
    public void Configure(EntityTypeBuilder<ReplicationKit> kit)
    {
        kit.HasOne<Entry>().WithMany().HasForeignKey(k => k.EntryId).OnDelete(DeleteBehavior.Restrict);
        kit.HasIndex(k => k.EntryId).IsUnique();
        kit.Property(k => k.Status).HasConversion<string>().HasMaxLength(10);
        kit.Property(k => k.ApprovedById).HasMaxLength(450);
        kit.Property(k => k.Version).IsConcurrencyToken();
        // Each language's sections in one JSON column: eleven long texts, always read and written together.
        kit.OwnsOne(k => k.En, texts => { texts.ToJson(); texts.Ignore(t => t.IsEmpty); });
        kit.OwnsOne(k => k.Fr, texts => { texts.ToJson(); texts.Ignore(t => t.IsEmpty); });
        kit.Navigation(k => k.En).IsRequired();
        kit.Navigation(k => k.Fr).IsRequired();
    }
}
