using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PreventionPrize.Web.Infrastructure.Localization;

/// <summary>The UI languages (the Pompidou Group's official languages) and how a request picks one.</summary>
public static class Cultures
{
    public static readonly string[] Supported = ["en", "fr"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";

    /// <summary>The reader's own choice (cookie) first, then the browser's language, then English.</summary>
    public static RequestLocalizationOptions Options(string cookieName)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture("en")
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = cookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>
    /// The culture dates are written in. English readers get British conventions (day month year, 24-hour
    /// clock), as everywhere in the Council of Europe; French readers get French ones.
    /// </summary>
    public static CultureInfo DateCulture => CultureInfo.GetCultureInfo(Current == "fr" ? "fr-FR" : "en-GB");

    /// <summary>
    /// Works in <paramref name="language"/> ("en" or "fr") until disposed: an e-mail is written in its recipient's
    /// language whatever the language of the request that queues it.
    /// </summary>
    public static IDisposable Use(string language)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "fr" ? "fr" : "en");
        return new Restore(previous);
    }

    private sealed class Restore((CultureInfo Culture, CultureInfo UiCulture) previous) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
    }

    /// <summary>Picks the EN or FR variant of a bilingual text, falling back to the other when one is empty.</summary>
    public static string Pick(string english, string french) =>
        Current == "fr" ? (string.IsNullOrWhiteSpace(french) ? english : french) : (string.IsNullOrWhiteSpace(english) ? french : english);
}
