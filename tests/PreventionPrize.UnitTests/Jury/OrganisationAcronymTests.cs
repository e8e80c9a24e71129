using PreventionPrize.Core.Jury;

namespace PreventionPrize.UnitTests.Jury;

public sealed class OrganisationAcronymTests
{
    [Theory]
    [InlineData("EMCDDA", "European Monitoring Centre for Drugs and Drug Addiction")]
    [InlineData("ANPAA", "Association Nationale de Prévention en Alcoologie et Addictologie")]
    [InlineData("CoE", "Council of Europe")]
    [InlineData("FRM", "Fondation pour la Recherche Médicale")]
    [InlineData("ADPERS", "Association de Prévention et Réinsertion Sociale")]
    [InlineData("ADAPEI", "Association Départementale des Amis et Parents d'Enfants Inadaptés")]
    [InlineData("E.M.C.D.D.A.", "European Monitoring Centre for Drugs and Drug Addiction")]
    [InlineData("ANPAA asbl", "Association Nationale de Prévention en Alcoologie et Addictologie")]
    [InlineData("UN", "United Nations")]
    [InlineData("ANPAA", "Association Nationale de Prévention en Alcoologie et Addictologie (ANPAA)")]
    public void An_acronym_matches_the_full_name_in_both_directions(string acronym, string fullName)
    {
        var forward = OrganisationNames.Match(acronym, fullName);
        var backward = OrganisationNames.Match(fullName, acronym);

        Assert.Equal(OrganisationMatchKind.Acronym, forward?.Kind);
        Assert.Equal(OrganisationMatchKind.Acronym, backward?.Kind);
    }

    [Fact]
    public void The_reason_names_the_acronym_and_the_full_name()
    {
        var match = OrganisationNames.Match("Council of Europe", "CoE");

        Assert.Equal("“CoE” is the acronym of “Council of Europe”", match?.Reason);
        Assert.Equal("Council of Europe", match?.First);
    }

    [Fact]
    public void A_name_with_its_acronym_in_brackets_is_the_same_name_as_without()
    {
        var match = OrganisationNames.Match(
            "Association Nationale de Prévention en Alcoologie et Addictologie (ANPAA)",
            "Assoc. nationale de prévention en alcoologie et addictologie");

        Assert.Equal(OrganisationMatchKind.SameName, match?.Kind);
    }

    [Theory]
    [InlineData("EMCDA", "European Monitoring Centre for Drugs and Drug Addiction")]
    [InlineData("A", "Addiction")]
    [InlineData("R", "Red Cross")]
    [InlineData("un", "United Nations")]
    [InlineData("RC", "Regional Council of Drug Prevention")]
    [InlineData("ANPAA", "Association Nationale")]
    [InlineData("SOS", "Save Our Souls Youth")]
    public void Initials_that_do_not_spell_the_whole_name_or_too_short_acronyms_do_not_match(string acronym, string fullName)
    {
        Assert.Null(OrganisationNames.Match(acronym, fullName));
    }
}
