using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Core.Data;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> entry)
    {
        entry.HasOne(e => e.Call).WithMany().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Restrict);
        entry.Property(e => e.OwnerId).HasMaxLength(450);
        entry.HasIndex(e => new { e.OwnerId, e.CallId });
        entry.HasIndex(e => new { e.CallId, e.Status });
        // Reference numbers are unique within a call; a race between two first submissions retries on this index.
        entry.HasIndex(e => new { e.CallId, e.Number }).IsUnique();
        entry.Property(e => e.Reference).HasMaxLength(40);
        entry.Property(e => e.Language).HasMaxLength(5);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Version).IsConcurrencyToken();

        entry.OwnsOne(e => e.Eligibility, eligibility =>
        {
            eligibility.Property(a => a.ProjectState).HasConversion<string>().HasMaxLength(20);
            eligibility.Property(a => a.Country).HasMaxLength(2);
        });
        entry.Navigation(e => e.Eligibility).IsRequired();

        foreach (var name in new[] { nameof(Entry.OrganisationName), nameof(Entry.ContactName), nameof(Entry.ContactEmail), nameof(Entry.Title), nameof(Entry.DigitalBehaviourOther) })
            entry.Property(name).HasMaxLength(Entry.ShortTextMaxLength);
        entry.Property(e => e.OrganisationType).HasMaxLength(40);
        entry.Property(e => e.Website).HasMaxLength(Entry.UrlMaxLength);
        entry.Property(e => e.FormalStructureEvidenceUrl).HasMaxLength(Entry.UrlMaxLength);
        entry.Property(e => e.SocialLinks).HasMaxLength(2000);
        foreach (var name in new[] { nameof(Entry.Summary), nameof(Entry.Description), nameof(Entry.YouthInvolvement), nameof(Entry.Evaluation), nameof(Entry.HumanRights), nameof(Entry.Replication) })
            entry.Property(name).HasMaxLength(Entry.LongTextMaxLength);
        entry.OwnsMany(e => e.TeamMembers, member => member.ToJson());
        entry.OwnsMany(e => e.JuryRelationships, relationship =>
        {
            relationship.ToJson();
            relationship.Property(r => r.Kind).HasConversion<string>();
        });
        entry.PrimitiveCollection(e => e.DigitalBehaviours);
        entry.PrimitiveCollection(e => e.TargetGroups);
        entry.PrimitiveCollection(e => e.ImplementationCountries);
        entry.PrimitiveCollection(e => e.IdentifierWarnings);
        entry.Property(e => e.ScreenedById).HasMaxLength(450);
        entry.Property(e => e.ScreeningReason).HasMaxLength(2000);

        entry.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        entry.HasMany(e => e.Versions).WithOne().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(40);
        attachment.Property(a => a.OriginalName).HasMaxLength(Attachment.OriginalNameMaxLength);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.StorageKey).HasMaxLength(100);
        attachment.Property(a => a.MetadataWarning).HasMaxLength(500);
    }
}

internal sealed class EntryVersionConfiguration : IEntityTypeConfiguration<EntryVersion>
{
    public void Configure(EntityTypeBuilder<EntryVersion> version)
    {
        // One submission per submit key: the database, not the page, makes a double click harmless.
        version.HasIndex(v => new { v.EntryId, v.SubmissionKey }).IsUnique();
        version.HasIndex(v => new { v.EntryId, v.Number }).IsUnique();
    }
}
