using PreventionPrize.Core.Entries;

namespace PreventionPrize.Core.Jury;

/// <summary>What detection knows about a juror: their profile, their declaration, their account.</summary>
public sealed record JurorFacts(
    int JuryMemberId, string Name, string Email, string? UserId,
    IReadOnlyList<string> Organisations, IReadOnlyList<string> Countries, IReadOnlyList<string> EmailDomains,
    IReadOnlyList<DeclaredRelationship> Relationships);

/// <summary>What detection knows about an entry: its identity fields (never shown to the jury) and the applicant's declarations.</summary>
public sealed record EntryFacts(
    int EntryId, string? OwnerId, string? OwnerEmail, string OrganisationName, string ContactName, string ContactEmail,
    string Website, IReadOnlyList<TeamMember> Team, string? Country, IReadOnlyList<JuryRelationship> Declared);

public sealed record FoundConflict(ConflictType Type, ConflictSeverity Severity, ConflictSource Source, string Reason);

/// <summary>
/// The automatic detection rules, pure so they can be tested pair by pair. Same organisation, same e-mail
/// domain and a juror named in the team are hard; same country follows the call's setting; what the juror or
/// the applicant declared is hard. At most one finding per type and source: the first reason explains it.
/// </summary>
public static class ConflictRules
{
    public static IEnumerable<FoundConflict> Detect(JurorFacts juror, EntryFacts entry, CountryConflictRule countryRule)
    {
        var found = new List<FoundConflict>();
        void Add(ConflictType type, ConflictSeverity severity, ConflictSource source, string reason)
        {
            if (!found.Any(f => f.Type == type && f.Source == source)) found.Add(new(type, severity, source, Clip(reason)));
        }

        if (juror.UserId is not null && juror.UserId == entry.OwnerId)
            Add(ConflictType.NamedInTeam, ConflictSeverity.Hard, ConflictSource.Rule, $"{juror.Email} = {entry.OwnerEmail}");

        foreach (var organisation in juror.Organisations)
            if (OrganisationNames.Match(organisation, entry.OrganisationName) is not null)
                Add(ConflictType.SameOrganisation, ConflictSeverity.Hard, ConflictSource.Rule, $"“{organisation}” ↔ “{entry.OrganisationName}”");

        var entryAddresses = EntryAddresses(entry).ToList();
        foreach (var domain in juror.EmailDomains.Append(juror.Email))
            foreach (var address in entryAddresses)
                if (EmailDomains.Match(domain, address) is not null)
                    Add(ConflictType.SameEmailDomain, ConflictSeverity.Hard, ConflictSource.Rule, $"{domain} ↔ {address}");

        foreach (var person in EntryPeople(entry))
            if (PersonNames.SamePerson(juror.Name, juror.Email, person.Name, person.Email))
                Add(ConflictType.NamedInTeam, ConflictSeverity.Hard, ConflictSource.Rule,
                    $"{juror.Name} <{juror.Email}> ↔ {(person.Name.Length > 0 ? person.Name : "")} <{person.Email}>");

        if (countryRule != CountryConflictRule.Ignore && entry.Country is { Length: > 0 } country && juror.Countries.Contains(country))
            Add(ConflictType.SameCountry, countryRule == CountryConflictRule.Hard ? ConflictSeverity.Hard : ConflictSeverity.Soft, ConflictSource.Rule, country);

        foreach (var relationship in juror.Relationships)
            if (Concerns(relationship.With, entry))
                Add(TypeOf(relationship.Kind), ConflictSeverity.Hard, ConflictSource.Juror, $"{relationship.With}: {relationship.Details}");

        foreach (var declared in entry.Declared.Where(d => d.JuryMemberId == juror.JuryMemberId))
            Add(TypeOf(declared.Kind), ConflictSeverity.Hard, ConflictSource.Applicant, declared.Reason);

        return found;
    }

    public static ConflictType TypeOf(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Employment => ConflictType.Employment,
        RelationshipKind.Funding => ConflictType.Funding,
        RelationshipKind.Advisory => ConflictType.Advisory,
        RelationshipKind.Family => ConflictType.Family,
        RelationshipKind.PreviousApplication => ConflictType.PreviousApplication,
        RelationshipKind.PreviousAward => ConflictType.PreviousAward,
        _ => ConflictType.Other,
    };

    /// <summary>A declared relationship concerns the entry when it names its organisation, one of its people, or its web domain.</summary>
    private static bool Concerns(string with, EntryFacts entry) =>
        OrganisationNames.Match(with, entry.OrganisationName) is not null
        || EntryPeople(entry).Any(p => PersonNames.SameName(with, p.Name))
        || (with.Contains('.') && EntryAddresses(entry).Any(a => EmailDomains.Match(with, a) is not null));

    private static IEnumerable<(string Name, string Email)> EntryPeople(EntryFacts entry) =>
        entry.Team.Select(m => (m.Name, m.Email)).Prepend((entry.ContactName, entry.ContactEmail))
            .Append(("", entry.OwnerEmail ?? ""));

    private static IEnumerable<string> EntryAddresses(EntryFacts entry) =>
        new[] { entry.ContactEmail, entry.OwnerEmail ?? "", entry.Website }.Concat(entry.Team.Select(m => m.Email))
            .Where(a => !string.IsNullOrWhiteSpace(a));

    private static string Clip(string reason) => reason.Length <= Conflict.ReasonMaxLength ? reason : reason[..Conflict.ReasonMaxLength];
}
