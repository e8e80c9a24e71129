using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.UnitTests.Jury;

public sealed class ConflictRulesTests
{
    private static JurorFacts Juror(
        string[]? organisations = null, string[]? countries = null, string[]? domains = null, string name = "Anna Keller",
        string email = "anna.keller@gmail.com", string? userId = "juror-user", DeclaredRelationship[]? relationships = null) =>
        new(7, name, email, userId, organisations ?? [], countries ?? [], domains ?? [], relationships ?? []);

    private static EntryFacts Entry(
        string organisation = "Jeunesse Numérique Strasbourg", string country = "FR", string contactEmail = "camille@jeunesse-numerique.fr",
        string website = "https://www.jeunesse-numerique.fr", TeamMember[]? team = null, JuryRelationship[]? declared = null, string ownerId = "owner") =>
        new(42, ownerId, "owner@jeunesse-numerique.fr", organisation, "Camille Martin", contactEmail, website,
            team ?? [new TeamMember { Name = "Yusuf Demir", Email = "yusuf@jeunesse-numerique.fr", Role = "Coordinator" }], country, declared ?? []);

    private static List<FoundConflict> Detect(JurorFacts juror, EntryFacts entry, CountryConflictRule rule = CountryConflictRule.Soft) =>
        ConflictRules.Detect(juror, entry, rule).ToList();

    [Fact]
    public void A_juror_with_nothing_in_common_has_no_conflict() =>
        Assert.Empty(Detect(Juror(["Suchtprävention Bayern e.V."], ["DE"], ["suchtpraevention-bayern.de"]), Entry()));

    [Fact]
    public void The_same_organisation_written_differently_is_a_hard_rule_conflict_that_names_both_spellings()
    {
        var found = Assert.Single(Detect(Juror(["jeunesse numerique strasbourg (association)"]), Entry()));
        Assert.Equal((ConflictType.SameOrganisation, ConflictSeverity.Hard, ConflictSource.Rule), (found.Type, found.Severity, found.Source));
        Assert.Contains("Jeunesse Numérique Strasbourg", found.Reason);
    }

    [Fact]
    public void A_profile_domain_matching_the_team_addresses_or_website_is_a_hard_conflict() =>
        Assert.Contains(Detect(Juror(domains: ["mail.jeunesse-numerique.fr"]), Entry()),
            f => f is { Type: ConflictType.SameEmailDomain, Severity: ConflictSeverity.Hard });

    [Fact]
    public void Two_webmail_addresses_are_not_a_conflict() =>
        Assert.Empty(Detect(Juror(email: "anna@gmail.com"), Entry(contactEmail: "camille@gmail.com", website: "", team: [])));

    [Fact]
    public void A_juror_named_in_the_team_is_a_hard_conflict_whatever_the_word_order() =>
        Assert.Contains(Detect(Juror(name: "DEMIR, Yusuf", email: "y.demir@gmail.com"), Entry()),
            f => f is { Type: ConflictType.NamedInTeam, Severity: ConflictSeverity.Hard });

    [Fact]
    public void A_juror_whose_address_is_the_contact_address_is_named_in_the_team() =>
        Assert.Contains(Detect(Juror(name: "A. N. Other", email: "Camille@Jeunesse-Numerique.fr"), Entry()), f => f.Type == ConflictType.NamedInTeam);

    [Fact]
    public void The_juror_who_owns_the_entry_has_a_hard_conflict() =>
        Assert.Contains(Detect(Juror(userId: "owner"), Entry(ownerId: "owner")), f => f is { Type: ConflictType.NamedInTeam, Severity: ConflictSeverity.Hard });

    [Theory]
    [InlineData(CountryConflictRule.Soft, ConflictSeverity.Soft)]
    [InlineData(CountryConflictRule.Hard, ConflictSeverity.Hard)]
    public void The_same_country_follows_the_calls_setting(CountryConflictRule rule, ConflictSeverity expected) =>
        Assert.Equal(expected, Assert.Single(Detect(Juror(countries: ["FR"]), Entry(), rule)).Severity);

    [Fact]
    public void The_same_country_is_no_conflict_when_the_call_ignores_it() =>
        Assert.Empty(Detect(Juror(countries: ["FR"]), Entry(), CountryConflictRule.Ignore));

    [Fact]
    public void A_relationship_the_juror_declared_with_the_applicants_organisation_is_a_hard_conflict_of_that_kind()
    {
        var relationship = new DeclaredRelationship { Kind = RelationshipKind.Funding, With = "Jeunesse Numerique Strasbourg", Details = "Our foundation funds them" };
        var found = Assert.Single(Detect(Juror(relationships: [relationship]), Entry()));
        Assert.Equal((ConflictType.Funding, ConflictSeverity.Hard, ConflictSource.Juror), (found.Type, found.Severity, found.Source));
    }

    [Fact]
    public void A_declared_relationship_with_someone_else_is_not_a_conflict_with_this_entry() =>
        Assert.Empty(Detect(Juror(relationships: [new DeclaredRelationship { Kind = RelationshipKind.Family, With = "Lukas Berger" }]), Entry()));

    [Fact]
    public void The_applicants_declaration_naming_this_juror_is_a_hard_conflict_and_one_naming_another_is_not()
    {
        var aboutThisJuror = new JuryRelationship { JuryMemberId = 7, Kind = RelationshipKind.Advisory, Reason = "She advised our project in 2024" };
        var aboutAnother = new JuryRelationship { JuryMemberId = 8, Kind = RelationshipKind.Family, Reason = "Cousin" };
        var found = Assert.Single(Detect(Juror(), Entry(declared: [aboutThisJuror, aboutAnother])));
        Assert.Equal((ConflictType.Advisory, ConflictSource.Applicant), (found.Type, found.Source));
        Assert.Equal("She advised our project in 2024", found.Reason);
    }

    [Fact]
    public void Several_matches_of_one_kind_make_one_finding()
    {
        var found = Detect(Juror(domains: ["jeunesse-numerique.fr"], email: "anna@jeunesse-numerique.fr"), Entry());
        Assert.Single(found, f => f.Type == ConflictType.SameEmailDomain);
    }
}
