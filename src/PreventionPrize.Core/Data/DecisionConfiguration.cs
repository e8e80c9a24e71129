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
