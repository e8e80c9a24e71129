using PreventionPrize.Core.Jury;

namespace PreventionPrize.UnitTests.Jury;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Dupont, Marie", "Marie Dupont")]
    [InlineData("MARIE DUPONT", "Marie Dupont")]
    [InlineData("Jean-Pierre Lefèvre", "Jean Pierre Lefevre")]
    [InlineData("Łukasz Wróbel", "Lukasz Wrobel")]
    [InlineData("Jürgen Müller", "Juergen Mueller")]
    [InlineData("Dr. Anna Schmidt", "Anna Schmidt")]
    [InlineData("Marie C. Dupont", "Marie Dupont")]
    [InlineData("  Søren   Kierkegaard ", "Soeren Kierkegaard")]
    public void Spellings_of_one_name_are_the_same_name(string a, string b)
    {
        Assert.True(PersonNames.SameName(a, b));
    }

    [Theory]
    [InlineData("M. Dupont", "Marie Dupont")]
    [InlineData("M. Dupont", "M. Dupont")]
    [InlineData("Marie", "Marie")]
    [InlineData("Marie Dupont", "Marie Durand")]
    [InlineData("Marie Dupont", "Marie-Claire Dupont")]
    [InlineData("", "")]
    public void Initials_single_words_and_different_names_are_not_the_same_name(string a, string b)
    {
        Assert.False(PersonNames.SameName(a, b));
    }

    [Theory]
    [InlineData("Marie.Dupont@Asso-X.org", " marie.dupont@asso-x.org ")]
    [InlineData("anna@müller-stiftung.de", "ANNA@xn--mller-stiftung-gsb.de")]
    public void The_same_email_address_in_any_case_is_the_same_person(string a, string b)
    {
        Assert.True(PersonNames.SameEmail(a, b));
        Assert.True(PersonNames.SamePerson("Marie Dupont", a, "Anne Martin", b));
    }

    [Theory]
    [InlineData("marie.dupont@asso-x.org", "marie.dupont@asso-x.fr")]
    [InlineData("marie.dupont@asso-x.org", "mariedupont@asso-x.org")]
    [InlineData("not an address", "not an address")]
    public void Different_or_invalid_email_addresses_are_not_the_same_person(string a, string b)
    {
        Assert.False(PersonNames.SameEmail(a, b));
    }
}
