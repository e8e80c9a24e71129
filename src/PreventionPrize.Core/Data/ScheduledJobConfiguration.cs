using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Leasing;
using PreventionPrize.Core.Outbox;

namespace PreventionPrize.Core.Data;

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(ScheduledJob.NameMaxLength);
        job.Property(j => j.LeaseOwner).HasMaxLength(OutboxMessage.LeaseOwnerMaxLength);
    }
}
