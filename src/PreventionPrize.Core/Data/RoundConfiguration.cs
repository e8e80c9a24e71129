using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.Core.Data;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> round)
    {
        round.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
        round.HasIndex(r => new { r.CallId, r.Number }).IsUnique();
        round.Property(r => r.NameEn).HasMaxLength(Round.NameMaxLength);
        round.Property(r => r.NameFr).HasMaxLength(Round.NameMaxLength);
        round.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        round.Property(r => r.Mode).HasConversion<string>().HasMaxLength(30);
        round.Property(r => r.ScoreVisibility).HasConversion<string>().HasMaxLength(20);
        round.Property(r => r.Version).IsConcurrencyToken();
        round.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        round.HasMany(r => r.Jurors).WithOne().HasForeignKey(j => j.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundEntryConfiguration : IEntityTypeConfiguration<RoundEntry>
{
    public void Configure(EntityTypeBuilder<RoundEntry> entry)
    {
        entry.HasKey(e => new { e.RoundId, e.EntryId });
        entry.HasOne<Entry>().WithMany().HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundJurorConfiguration : IEntityTypeConfiguration<RoundJuror>
{
    public void Configure(EntityTypeBuilder<RoundJuror> juror)
    {
        juror.HasKey(j => new { j.RoundId, j.JuryMemberId });
        juror.HasOne<JuryMember>().WithMany().HasForeignKey(j => j.JuryMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JurorAssignmentConfiguration : IEntityTypeConfiguration<JurorAssignment>
{
    public void Configure(EntityTypeBuilder<JurorAssignment> assignment)
    {
        assignment.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<Entry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<JuryMember>().WithMany().HasForeignKey(a => a.JuryMemberId).OnDelete(DeleteBehavior.Restrict);
        // A pair once per round: a double click on "add" or a re-imported file cannot duplicate it.
        assignment.HasIndex(a => new { a.RoundId, a.EntryId, a.JuryMemberId }).IsUnique();
        assignment.HasIndex(a => new { a.JuryMemberId, a.RoundId });
        assignment.Property(a => a.Origin).HasConversion<string>().HasMaxLength(10);
        assignment.Property(a => a.Explanation).HasMaxLength(JurorAssignment.ExplanationMaxLength);
    }
}
