using PreventionPrize.Core.Jury;

namespace PreventionPrize.UnitTests.Jury;

public sealed class EmailDomainsTests
{
    [Theory]
    [InlineData(" Marie.Dupont@Univ-Lyon1.FR ", "univ-lyon1.fr")]
    [InlineData("kontakt@müller-stiftung.de", "xn--mller-stiftung-gsb.de")]
    [InlineData("mailto:info@asso-x.org", "asso-x.org")]
    [InlineData("info@asso-x.org.", "asso-x.org")]
    public void DomainOf_gives_the_ascii_lower_case_domain(string email, string expected)
    {
        Assert.Equal(expected, EmailDomains.DomainOf(email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("marie.dupont")]
    [InlineData("@asso-x.org")]
    [InlineData("marie@")]
    [InlineData("marie@localhost")]
    [InlineData("marie@@asso-x.org")]
    [InlineData("marie dupont@asso-x.org")]
    [InlineData("marie@asso_x.org")]
    [InlineData("marie@-asso.org")]
    [InlineData("marie@192.168.0.1")]
    public void DomainOf_is_null_for_what_is_not_an_email_address(string email)
    {
        Assert.Null(EmailDomains.DomainOf(email));
    }

    [Theory]
    [InlineData("mail.univ-lyon1.fr", "univ-lyon1.fr")]
    [InlineData("www.asso-x.org", "asso-x.org")]
    [InlineData("dhsc.gov.uk", "dhsc.gov.uk")]
    [InlineData("mail.dhsc.gov.uk", "dhsc.gov.uk")]
    [InlineData("cs.ox.ac.uk", "ox.ac.uk")]
    [InlineData("sante.gouv.fr", "sante.gouv.fr")]
    [InlineData("meduniwien.ac.at", "meduniwien.ac.at")]
    [InlineData("mail.hacettepe.edu.tr", "hacettepe.edu.tr")]
    [InlineData("emcdda.europa.eu", "emcdda.europa.eu")]
    [InlineData("bag.admin.ch", "bag.admin.ch")]
    public void OrganisationDomain_keeps_the_registrable_part(string domain, string expected)
    {
        Assert.Equal(expected, EmailDomains.OrganisationDomain(domain));
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("hotmail.fr")]
    [InlineData("yahoo.co.uk")]
    [InlineData("yahoo.com.tr")]
    [InlineData("gmx.at")]
    [InlineData("web.de")]
    [InlineData("poczta.onet.pl")]
    [InlineData("Marie@Orange.fr")]
    public void Public_webmail_is_recognised_across_country_endings(string domain)
    {
        Assert.True(EmailDomains.IsPublicWebmail(domain));
    }

    [Theory]
    [InlineData("univ-lyon1.fr")]
    [InlineData("hotmail.example.org")]
    [InlineData("gmail-prevention.org")]
    public void An_organisations_own_domain_is_not_public_webmail(string domain)
    {
        Assert.False(EmailDomains.IsPublicWebmail(domain));
    }

    [Theory]
    [InlineData("marie@mail.univ-lyon1.fr", "contact@univ-lyon1.fr", "univ-lyon1.fr")]
    [InlineData("univ-lyon1.fr", "secretariat@labo.univ-lyon1.fr", "univ-lyon1.fr")]
    [InlineData("marie@asso-x.org", "https://www.asso-x.org/page", "asso-x.org")]
    [InlineData("marie@asso-x.org", "www.asso-x.org", "asso-x.org")]
    [InlineData("a@nhs-prevention.org.uk", "http://nhs-prevention.org.uk/about?x=1", "nhs-prevention.org.uk")]
    [InlineData("kontakt@müller-stiftung.de", "https://www.xn--mller-stiftung-gsb.de/", "xn--mller-stiftung-gsb.de")]
    public void Addresses_on_one_organisation_domain_match(string juror, string entry, string domain)
    {
        var match = EmailDomains.Match(juror, entry);

        Assert.Equal(domain, match?.OrganisationDomain);
    }

    [Theory]
    [InlineData("marie.dupont@gmail.com", "jean.martin@gmail.com")]
    [InlineData("marie@hotmail.fr", "https://www.hotmail.fr")]
    [InlineData("a@dhsc.gov.uk", "b@ukhsa.gov.uk")]
    [InlineData("a@emcdda.europa.eu", "https://ec.europa.eu/health")]
    [InlineData("a@asso-x.org", "a@asso-x.fr")]
    [InlineData("not an address", "contact@asso-x.org")]
    [InlineData("", "")]
    [InlineData("a@asso-x.org", "ftp://asso-x.org")]
    public void Webmail_second_level_suffixes_and_invalid_input_do_not_match(string juror, string entry)
    {
        Assert.Null(EmailDomains.Match(juror, entry));
    }

    [Fact]
    public void The_reason_names_both_addresses_and_the_domain()
    {
        var match = EmailDomains.Match("marie@mail.univ-lyon1.fr", "https://www.univ-lyon1.fr");

        Assert.Equal("“marie@mail.univ-lyon1.fr” and “https://www.univ-lyon1.fr” are both on the domain univ-lyon1.fr", match?.Reason);
    }
}
