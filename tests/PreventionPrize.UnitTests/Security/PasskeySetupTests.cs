using Microsoft.Extensions.Configuration;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.UnitTests.Security;

/// <summary>A passkey is bound to the site name for life: which setting names the site (and its one origin), in which order.</summary>
public sealed class PasskeySetupTests
{
    private static string? SiteFor(params (string Key, string Value)[] settings) =>
        PasskeySetup.Site(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void The_explicit_setting_wins() =>
        Assert.Equal("prize.coe.int", SiteFor(("Security:Passkeys:ServerDomain", "prize.coe.int"), ("App:PublicBaseUrl", "https://other.example.org")));

    [Fact]
    public void Else_the_public_address_of_the_links_in_e_mails() =>
        Assert.Equal("prize.example.org", SiteFor(("App:PublicBaseUrl", "https://prize.example.org:8443/base")));

    [Fact]
    public void The_public_address_also_names_the_one_origin_a_passkey_may_sign_for()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("App:PublicBaseUrl", "https://prize.example.org:8443/base/")]).Build();
        Assert.Equal("https://prize.example.org:8443", PasskeySetup.PublicOrigin(configuration));
        Assert.Null(PasskeySetup.PublicOrigin(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void Else_none_so_the_host_the_browser_used_is_taken() =>
        Assert.Null(SiteFor(("App:PublicBaseUrl", ""), ("Security:Passkeys:ServerDomain", "")));
}
