using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.UnitTests.Localization;

public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("jane.doe@example.org")]
    [InlineData("jane+prize@example.org")]
    [InlineData("j.doe@mail.health.gouv.fr")]
    [InlineData("o'brien@example.ie")]
    [InlineData("élodie@example.fr")]
    [InlineData("user@bücher.de")]
    public void An_ordinary_address_is_accepted(string address)
    {
        Assert.True(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("jane.example.org")]
    [InlineData("jane@localhost")]
    [InlineData("@example.org")]
    [InlineData("jane@")]
    [InlineData("jane@.org")]
    [InlineData("jane@example.")]
    [InlineData("jane@@example.org")]
    [InlineData("jane..doe@example.org")]
    [InlineData("<script>@example.org")]
    public void A_malformed_address_is_refused(string address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("Jane Doe <jane@example.org>")]
    [InlineData("\"Jane\" <jane@example.org>")]
    [InlineData("<jane@example.org>")]
    [InlineData("(Jane)jane@example.org")]
    public void An_address_with_a_display_name_or_comment_is_refused(string address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("jane@example.org, eve@example.org")]
    [InlineData("jane@example.org,eve@example.org")]
    [InlineData("jane@example.org;eve@example.org")]
    public void More_than_one_address_is_refused(string address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("jane@example.org\r\nBcc: eve@example.org")]
    [InlineData("jane@example.org\nBcc: eve@example.org")]
    [InlineData("jane@example.org\r")]
    [InlineData("jane@example.org\t")]
    [InlineData("jane\0@example.org")]
    public void An_address_carrying_control_characters_is_refused(string address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("jane doe@example.org")]
    [InlineData(" jane@example.org")]
    [InlineData("jane@example.org ")]
    [InlineData("jane@exa mple.org")]
    [InlineData("jane\u00A0doe@example.org")]
    [InlineData("jane\u200Bdoe@example.org")]
    [InlineData("jane@example.org\u2028")]
    [InlineData("jane@example.org\uFEFF")]
    public void An_address_with_spaces_or_invisible_characters_is_refused(string address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void No_address_is_refused(string? address)
    {
        Assert.False(ValidationRules.BeAnEmailAddress(address));
    }
}
