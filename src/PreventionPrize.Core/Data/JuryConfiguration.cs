using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Core.Data;

internal sealed class JuryMemberConfiguration : IEntityTypeConfiguration<JuryMember>
{
    public void Configure(EntityTypeBuilder<JuryMember> member)
    {
        member.HasOne<Call>().WithMany().HasForeignKey(m => m.CallId).OnDelete(DeleteBehavior.Restrict);
        // One invitation per address and call: inviting again is a resend, not a second juror.
        member.HasIndex(m => new { m.CallId, m.Email }).IsUnique();
        member.HasIndex(m => m.TokenHash).IsUnique();
        member.HasIndex(m => m.UserId);
        member.Property(m => m.Name).HasMaxLength(JuryMember.NameMaxLength);
        member.Property(m => m.Email).HasMaxLength(JuryMember.EmailMaxLength);
        member.Property(m => m.Language).HasMaxLength(5);
        member.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.TokenHash).HasMaxLength(64);
        member.Property(m => m.UserId).HasMaxLength(450);
        member.Property(m => m.GuardianConsentNote).HasMaxLength(JuryMember.NoteMaxLength);
        member.Property(m => m.Version).IsConcurrencyToken();
        member.OwnsOne(m => m.Profile, profile =>
        {
            profile.ToJson();
            profile.OwnsMany(p => p.Organisations, organisation =>
                organisation.Property(o => o.Tie).HasConversion<string>());
        });
        member.Navigation(m => m.Profile).IsRequired();
        member.HasMany(m => m.Declarations).WithOne().HasForeignKey(d => d.JuryMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JurorDeclarationConfiguration : IEntityTypeConfiguration<JurorDeclaration>
{
    public void Configure(EntityTypeBuilder<JurorDeclaration> declaration)
    {
        declaration.Property(d => d.SignedName).HasMaxLength(JuryMember.NameMaxLength);
        declaration.OwnsMany(d => d.Relationships, relationship =>
        {
            relationship.ToJson();
            relationship.Property(r => r.Kind).HasConversion<string>();
        });
    }
}

internal sealed class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> conflict)
    {
        conflict.HasOne<JuryMember>().WithMany().HasForeignKey(c => c.JuryMemberId).OnDelete(DeleteBehavior.Restrict);
        conflict.HasOne<Entry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
        // Detection runs again and again: one row per (juror, entry, type, source) makes it idempotent.
        conflict.HasIndex(c => new { c.JuryMemberId, c.EntryId, c.Type, c.Source }).IsUnique();
        conflict.HasIndex(c => new { c.CallId, c.EntryId });
        conflict.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        conflict.Property(c => c.Severity).HasConversion<string>().HasMaxLength(10);
        conflict.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        conflict.Property(c => c.Reason).HasMaxLength(Conflict.ReasonMaxLength);
        conflict.Property(c => c.ClearReason).HasMaxLength(Conflict.ReasonMaxLength);
        conflict.Property(c => c.FoundById).HasMaxLength(450);
        conflict.Property(c => c.ClearedById).HasMaxLength(450);
    }
}

internal sealed class FirstSightConfiguration : IEntityTypeConfiguration<FirstSight>
{
    public void Configure(EntityTypeBuilder<FirstSight> sight)
    {
        sight.HasOne<JuryMember>().WithMany().HasForeignKey(s => s.JuryMemberId).OnDelete(DeleteBehavior.Cascade);
        sight.HasOne<Entry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        sight.HasIndex(s => new { s.JuryMemberId, s.EntryId }).IsUnique();
    }
}
