using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreventionPrize.Web;
using PreventionPrize.Web.Features.CallAdmin;

namespace PreventionPrize.UnitTests.CallAdmin;

/// <summary>The country rules of the call form, checked with the app's real resource files.</summary>
public sealed class CallFormValidatorTests
{
    private static readonly CallFormValidator Validator = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));

    private static CallForm ValidForm(string? otherCountries) => new()
    {
        TitleEn = "Prevention Prize 2026",
        TitleFr = "Prix de la prévention 2026",
        OpensAtLocal = new DateTime(2026, 3, 1, 9, 0, 0),
        ClosesAtLocal = new DateTime(2026, 6, 30, 23, 59, 0),
        GraceMinutes = 15,
        EntryLanguages = ["en", "fr"],
        MemberCountries = ["FR"],
        OtherCountries = otherCountries,
    };

    private static List<string> ErrorsFor(CallForm form, string property, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Validator.Validate(form).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Typed_codes_in_lower_case_are_accepted()
    {
        Assert.Empty(ErrorsFor(ValidForm("ma, il;tn"), nameof(CallForm.OtherCountries), "en"));
    }

    [Fact]
    public void Unknown_typed_codes_are_named_in_the_English_message()
    {
        var errors = ErrorsFor(ValidForm("MA, zz, XYZ"), nameof(CallForm.OtherCountries), "en");

        Assert.Equal(["Unknown country code: ZZ, XYZ. Use two-letter ISO codes such as MA or IL."], errors);
    }

    [Fact]
    public void Unknown_typed_codes_are_named_in_the_French_message()
    {
        var errors = ErrorsFor(ValidForm("../"), nameof(CallForm.OtherCountries), "fr");

        Assert.Equal(["Code de pays inconnu : ../. Utilisez des codes ISO à deux lettres comme MA ou IL."], errors);
    }

    [Fact]
    public void A_call_needs_at_least_one_eligible_country()
    {
        var form = ValidForm(otherCountries: " ");
        form.MemberCountries = [];

        Assert.Equal(["Choose at least one eligible country."], ErrorsFor(form, nameof(CallForm.MemberCountries), "en"));
    }
}
