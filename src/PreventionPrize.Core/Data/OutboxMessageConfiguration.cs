using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Outbox;

namespace PreventionPrize.Core.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> mail)
    {
        mail.Property(m => m.Id).ValueGeneratedNever();
        mail.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMessage.IdempotencyKeyMaxLength);
        mail.HasIndex(m => m.IdempotencyKey).IsUnique();
        mail.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        mail.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        mail.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength);
        mail.Property(m => m.Language).HasMaxLength(OutboxMessage.LanguageMaxLength);
        mail.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        mail.Property(m => m.TextBody).HasMaxLength(OutboxMessage.BodyMaxLength);
        mail.Property(m => m.HtmlBody).HasMaxLength(OutboxMessage.BodyMaxLength);
        mail.Property(m => m.MessageId).HasMaxLength(OutboxMessage.MessageIdMaxLength);
        mail.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        mail.Property(m => m.LeaseOwner).HasMaxLength(OutboxMessage.LeaseOwnerMaxLength);
        mail.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        // The dispatcher's two questions: "what is due?" and "whose lease ran out?".
        mail.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        mail.HasIndex(m => new { m.State, m.LeaseUntilUtc });
        mail.HasIndex(m => m.LeaseOwner);
        // The Secretariat's list: newest first, by bulk.
        mail.HasIndex(m => m.CreatedAtUtc);
        mail.HasIndex(m => m.BulkId);
    }
}
