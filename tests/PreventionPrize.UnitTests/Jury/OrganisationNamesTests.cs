using PreventionPrize.Core.Jury;

namespace PreventionPrize.UnitTests.Jury;

public sealed class OrganisationNamesTests
{
    [Theory]
    [InlineData("Assoc. Jeunesse & Santé", "Association Jeunesse et Santé")]
    [InlineData("Asso Prévention Écrans", "Association Prevention Ecrans")]
    [InlineData("ÉCOLE DES PARENTS DE GENÈVE", "École des Parents de Genève")]
    [InlineData("Stowarzyszenie Młodzież Łódź", "Stowarzyszenie Mlodziez Lodz")]
    [InlineData("Straßenkinder e.V.", "Strassenkinder")]
    [InlineData("Jugendhilfe Nord e. V.", "Jugendhilfe Nord")]
    [InlineData("Digitale Jugend gGmbH", "Digitale Jugend")]
    [InlineData("Ligue Bruxelloise A.S.B.L.", "Ligue Bruxelloise")]
    [InlineData("Kinderrechten vzw", "Kinderrechten")]
    [InlineData("Safer Screens Ltd.", "Safer Screens Limited")]
    [InlineData("Fondation Santé Mentale", "Santé Mentale")]
    [InlineData("Stiftung Medienkompetenz", "Medienkompetenz Stiftung")]
    [InlineData("Hôpital St-Joseph", "Hopital Saint Joseph")]
    [InlineData("Univ. Lyon 2", "Université Lyon 2")]
    [InlineData("L'Œuvre d'Aide à l'Enfance", "Oeuvre Aide Enfance")]
    [InlineData("Norsk Rusforening AS", "Norsk Rusforening")]
    [InlineData("Centrum Prewencji Sp. z o.o.", "Centrum Prewencji")]
    public void Names_that_differ_only_in_spelling_legal_form_or_connecting_words_are_the_same_name(string a, string b)
    {
        var match = OrganisationNames.Match(a, b);

        Assert.NotNull(match);
        Assert.Equal(OrganisationMatchKind.SameName, match.Kind);
    }

    [Theory]
    [InlineData("Red Cross Youth Lyon", "Red Cross Youth Paris")]
    [InlineData("University of Lyon", "University of Paris")]
    [InlineData("Fondation Santé", "Fondation Jeunesse")]
    [InlineData("Association Jeunesse et Santé", "Association Jeunesse et Sport")]
    [InlineData("Université Lyon 1", "Université Lyon 2")]
    [InlineData("University of Lyon", "Lyon")]
    [InlineData("Red Cross (UK)", "Red Cross (France)")]
    [InlineData("Jeunesse et Santé", "Santé et Jeunesse")]
    [InlineData("Council of Europe", "Council of the European Union")]
    public void Organisations_that_merely_share_words_do_not_match(string a, string b)
    {
        Assert.Null(OrganisationNames.Match(a, b));
        Assert.Null(OrganisationNames.Match(b, a));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "   ")]
    [InlineData("", "Association Jeunesse et Santé")]
    [InlineData("Association", "Association")]
    [InlineData("GmbH", "gGmbH")]
    [InlineData("Fondation", "Stiftung")]
    public void Empty_names_and_names_made_only_of_legal_or_kind_words_never_match(string a, string b)
    {
        Assert.Null(OrganisationNames.Match(a, b));
    }

    [Fact]
    public void The_reason_quotes_both_names_as_given()
    {
        var match = OrganisationNames.Match("Assoc. Jeunesse & Santé", "Association Jeunesse et Santé");

        Assert.Equal(
            "“Assoc. Jeunesse & Santé” and “Association Jeunesse et Santé” are the same name once case, accents, punctuation and legal-form words are ignored",
            match?.Reason);
    }

    [Theory]
    [InlineData("Assoc. Jeunesse & Santé e.V.", "jeunesse sante")]
    [InlineData("  The  Prevention-Network (Łódź)  ", "prevention network lodz")]
    [InlineData("Fondation de France", "france")]
    [InlineData("St. Gallen Sucht GmbH", "saint gallen sucht")]
    public void Normalise_keeps_only_the_identifying_words(string name, string expected)
    {
        Assert.Equal(expected, OrganisationNames.Normalise(name));
    }

    [Fact]
    public void MatchAny_returns_the_first_matching_pair_with_the_jurors_organisation_first()
    {
        var match = OrganisationNames.MatchAny(
            ["Université de Strasbourg", "Assoc. Jeunesse & Santé"],
            ["Red Cross Youth Paris", "Association Jeunesse et Santé"]);

        Assert.NotNull(match);
        Assert.Equal("Assoc. Jeunesse & Santé", match.First);
        Assert.Equal("Association Jeunesse et Santé", match.Second);
    }

    [Fact]
    public void MatchAny_is_null_when_no_pair_matches()
    {
        Assert.Null(OrganisationNames.MatchAny(["University of Lyon"], ["University of Paris", "Red Cross Youth Lyon"]));
    }
}
