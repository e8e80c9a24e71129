using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Calls;

namespace PreventionPrize.Core.Data;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> call)
    {
        call.HasIndex(c => c.Code).IsUnique();
        call.Property(c => c.Code).HasMaxLength(Call.CodeMaxLength);
        call.Property(c => c.TitleEn).HasMaxLength(Call.TitleMaxLength);
        call.Property(c => c.TitleFr).HasMaxLength(Call.TitleMaxLength);
        call.Property(c => c.DescriptionEn).HasMaxLength(Call.DescriptionMaxLength);
        call.Property(c => c.DescriptionFr).HasMaxLength(Call.DescriptionMaxLength);
        call.Property(c => c.RulesEn).HasMaxLength(Call.RulesMaxLength);
        call.Property(c => c.RulesFr).HasMaxLength(Call.RulesMaxLength);
        call.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        call.Property(c => c.CountryConflictRule).HasConversion<string>().HasMaxLength(10);
        call.Property(c => c.Version).IsConcurrencyToken();
        // Primitive collections map to a JSON column on both SQLite and SQL Server.
        call.PrimitiveCollection(c => c.EligibleCountries);
        call.PrimitiveCollection(c => c.EntryLanguages);
        call.HasIndex(c => new { c.Status, c.ClosesAtUtc });
        call.OwnsOne(c => c.EntryRules, rules =>
        {
            rules.PrimitiveCollection(r => r.AttachmentKinds);
            rules.Ignore(r => r.MaxAttachmentBytes);
        });
        call.Navigation(c => c.EntryRules).IsRequired();
    }
}
