using System.Globalization;
using PreventionPrize.Core.Calls;

namespace PreventionPrize.UnitTests.Calls;

public sealed class CountriesTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public void The_Council_of_Europe_has_46_members()
    {
        Assert.Equal(46, Countries.CouncilOfEuropeMembers.Count);
    }

    [Fact]
    public void Member_codes_are_unique()
    {
        var codes = Countries.CouncilOfEuropeMembers.Select(c => c.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_member_code_is_a_known_code()
    {
        var unknown = Countries.CouncilOfEuropeMembers.Where(c => !Countries.IsKnownCode(c.Code)).Select(c => c.Code);

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_default_eligible_codes_are_exactly_the_members()
    {
        Assert.Equal(Countries.CouncilOfEuropeMembers.Select(c => c.Code), Countries.DefaultEligibleCodes);
    }

    [Theory]
    [InlineData("RU")]
    [InlineData("BY")]
    public void Russia_and_Belarus_are_not_members_but_are_known_codes(string code)
    {
        Assert.DoesNotContain(Countries.CouncilOfEuropeMembers, c => c.Code == code);
        Assert.True(Countries.IsKnownCode(code));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("IL")]
    [InlineData("TN")]
    public void A_non_member_a_call_may_add_is_a_known_code(string code)
    {
        Assert.True(Countries.IsKnownCode(code));
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("fr")]
    [InlineData("Fr")]
    [InlineData("FRA")]
    [InlineData("F")]
    [InlineData("")]
    [InlineData("../")]
    [InlineData("F1")]
    [InlineData(" FR")]
    public void A_code_that_is_not_two_upper_case_ISO_letters_is_unknown(string code)
    {
        Assert.False(Countries.IsKnownCode(code));
    }

    [Theory]
    [InlineData("DE", "Germany", "Allemagne")]
    [InlineData("GB", "United Kingdom", "Royaume-Uni")]
    [InlineData("NL", "Netherlands", "Pays-Bas")]
    [InlineData("CH", "Switzerland", "Suisse")]
    public void A_member_is_named_in_the_readers_language(string code, string english, string french)
    {
        Assert.Equal(english, Countries.Name(code, English));
        Assert.Equal(french, Countries.Name(code, French));
    }

    [Fact]
    public void Only_names_spelt_alike_in_both_languages_repeat_the_English_name_in_French()
    {
        var untranslated = Countries.CouncilOfEuropeMembers.Where(c => c.NameFr == c.NameEn).Select(c => c.Code);

        Assert.Equal(["FR", "LI", "LU", "MC", "PT", "TR", "UA"], untranslated.Order());
    }

    [Fact]
    public void Any_French_culture_reads_the_French_name()
    {
        Assert.Equal("Allemagne", Countries.Name("DE", CultureInfo.GetCultureInfo("fr-BE")));
    }

    [Fact]
    public void A_common_non_member_is_named_in_both_languages()
    {
        Assert.Equal("Morocco", Countries.Name("MA", English));
        Assert.Equal("Maroc", Countries.Name("MA", CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void A_code_in_neither_table_falls_back_to_the_runtimes_English_name()
    {
        Assert.Equal("Japan", Countries.Name("JP", CultureInfo.GetCultureInfo("fr-FR")));
    }
}
