using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Language;

public sealed class LanguageController(UserManager<AppUser> users, CookieSettings cookies, IAntiforgery antiforgery) : Controller
{
    /// <summary>
    /// Remembers the reader's language for a year, and for a signed-in user also as the language of their e-mails.
    /// Only local return URLs are followed (no open redirect).
    /// </summary>
    /// <remarks>
    /// For a visitor who is not signed in, the only effect is a display-language cookie: a forged cross-site POST can
    /// at most switch someone's reading language, so no token is asked, and public pages carry no per-visitor token
    /// and can be cached. For a signed-in user it also changes the account (the e-mails' language): the token is checked.
    /// </remarks>
    [HttpPost("/language"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> Set(string culture, string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        if (!Cultures.IsSupported(culture)) return BadRequest();
        Response.Cookies.Append(cookies.Culture,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), Secure = !cookies.AllowPlainHttp || Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true });
        if (await users.GetUserAsync(User) is { } user && user.PreferredLanguage != culture)
        {
            user.PreferredLanguage = culture;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
