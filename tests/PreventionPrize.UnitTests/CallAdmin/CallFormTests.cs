using PreventionPrize.Web.Features.CallAdmin;

namespace PreventionPrize.UnitTests.CallAdmin;

public sealed class CallFormTests
{
    [Fact]
    public void Ticked_members_and_typed_codes_make_one_upper_case_list()
    {
        var form = new CallForm { MemberCountries = ["FR", "DE"], OtherCountries = "ma, IL;TN" };

        Assert.Equal(["FR", "DE", "MA", "IL", "TN"], form.EligibleCountryCodes());
    }

    [Fact]
    public void A_code_given_twice_appears_once()
    {
        var form = new CallForm { MemberCountries = ["FR", "DE"], OtherCountries = "fr, MA ma; de" };

        Assert.Equal(["FR", "DE", "MA"], form.EligibleCountryCodes());
    }

    [Fact]
    public void Typed_codes_may_be_separated_by_spaces_tabs_and_new_lines()
    {
        var form = new CallForm { OtherCountries = "ma\r\nil\ttn  dz,,;" };

        Assert.Equal(["MA", "IL", "TN", "DZ"], form.EligibleCountryCodes());
    }

    [Fact]
    public void No_ticks_and_no_typed_codes_make_an_empty_list()
    {
        Assert.Empty(new CallForm { OtherCountries = null }.EligibleCountryCodes());
        Assert.Empty(new CallForm { OtherCountries = " ,; " }.EligibleCountryCodes());
    }

    [Fact]
    public void A_new_call_starts_with_every_member_state()
    {
        var form = new CallForm().WithDefaults<CallForm>();

        Assert.Equal(46, form.EligibleCountryCodes().Count);
    }
}
