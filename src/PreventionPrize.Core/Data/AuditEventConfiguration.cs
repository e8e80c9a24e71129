using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Audit;

namespace PreventionPrize.Core.Data;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.ActorId).HasMaxLength(450);
        audit.Property(a => a.Action).HasMaxLength(AuditEvent.ActionMaxLength);
        audit.Property(a => a.Subject).HasMaxLength(AuditEvent.SubjectMaxLength);
        audit.Property(a => a.Details).HasMaxLength(AuditEvent.DetailsMaxLength);
        audit.HasIndex(a => a.AtUtc);
        audit.HasIndex(a => new { a.Subject, a.AtUtc });
    }
}
