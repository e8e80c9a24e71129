namespace PreventionPrize.Core.Jury;

/// <summary>
/// The general declaration of interests and confidentiality, signed before the juror sees any entry. A new
/// signature adds a row, so the record shows what was declared when.
/// </summary>
public sealed class JurorDeclaration
{
    public const int MaxRelationships = 20;

    public int Id { get; set; }
    public int JuryMemberId { get; set; }
    public DateTime SignedAtUtc { get; set; }
    /// <summary>The name typed as a signature.</summary>
    public string SignedName { get; set; } = "";
    public bool AcceptsConfidentiality { get; set; }
    public List<DeclaredRelationship> Relationships { get; set; } = [];
}

/// <summary>A relationship the juror declares: with an organisation or a person that may apply.</summary>
public sealed class DeclaredRelationship
{
    public const int WithMaxLength = 300;
    public const int DetailsMaxLength = 1000;

    public RelationshipKind Kind { get; set; }
    /// <summary>The organisation or person the relationship is with.</summary>
    public string With { get; set; } = "";
    public string Details { get; set; } = "";
}

public enum RelationshipKind
{
    Employment,
    Funding,
    Advisory,
    Family,
    PreviousApplication,
    PreviousAward,
    Other,
}
