using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;

namespace PreventionPrize.Core.Data;

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> criterion)
    {
        criterion.HasOne<Round>().WithMany(r => r.Criteria).HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        criterion.Property(c => c.NameEn).HasMaxLength(Criterion.NameMaxLength);
        criterion.Property(c => c.NameFr).HasMaxLength(Criterion.NameMaxLength);
        criterion.Property(c => c.DescriptionEn).HasMaxLength(Criterion.DescriptionMaxLength);
        criterion.Property(c => c.DescriptionFr).HasMaxLength(Criterion.DescriptionMaxLength);
        criterion.OwnsMany(c => c.Levels, level => level.ToJson());
    }
}

internal sealed class JurorScoreConfiguration : IEntityTypeConfiguration<JurorScore>
{
    public void Configure(EntityTypeBuilder<JurorScore> score)
    {
        score.HasOne<Round>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        score.HasOne<Entry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Restrict);
        score.HasOne<JuryMember>().WithMany().HasForeignKey(s => s.JuryMemberId).OnDelete(DeleteBehavior.Restrict);
        // One score sheet per juror, entry and round: a double click on "save" updates it, never adds a second.
        score.HasIndex(s => new { s.RoundId, s.EntryId, s.JuryMemberId }).IsUnique();
        score.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        score.Property(s => s.Comment).HasMaxLength(JurorScore.CommentMaxLength);
        score.Property(s => s.Feedback).HasMaxLength(JurorScore.CommentMaxLength);
        score.Property(s => s.Version).IsConcurrencyToken();
        score.OwnsMany(s => s.Values, value => value.ToJson());
    }
}
