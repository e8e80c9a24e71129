namespace PreventionPrize.Core.Entries;

/// <summary>The applicant's own declaration: a member of the published jury the team has a relationship with, and why.</summary>
public sealed class JuryRelationship
{
    public const int ReasonMaxLength = 1000;

    public int JuryMemberId { get; set; }
    public Jury.RelationshipKind Kind { get; set; }
    public string Reason { get; set; } = "";
}
