namespace PreventionPrize.Core.Jury;

public enum OrganisationMatchKind
{
    /// <summary>Equal once case, accents, punctuation, legal forms and connecting words are ignored.</summary>
    SameName,

    /// <summary>One name is written as the initials of the other.</summary>
    Acronym,
}

/// <summary>
/// Why two organisation names were taken for one organisation. <see cref="First"/> and <see cref="Second"/> are
/// the names as given, in argument order: from <see cref="OrganisationNames.MatchAny"/> the juror's comes first.
/// <see cref="Reason"/> is English prose for the audit trail.
/// </summary>
public sealed record OrganisationMatch(OrganisationMatchKind Kind, string First, string Second, string Reason);
