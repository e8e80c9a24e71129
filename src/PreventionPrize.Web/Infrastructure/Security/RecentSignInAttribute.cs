using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// An action that changes how the account is reached (its e-mail, its second factor) needs the password entered in
/// the last few minutes (ASVS 7.5.1/7.5.3): otherwise the person confirms it first and comes back. A GET comes back to
/// itself; a POST comes back to <see cref="ReturnTo"/>, the page whose form it was.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RecentSignInAttribute : Attribute, IAuthorizationFilter
{
    public string ReturnTo { get; set; } = "/account/security";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true) return;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (http.User.SignedInRecently(now)) return;
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : ReturnTo;
        context.Result = new RedirectResult("/account/reauthenticate?returnUrl=" + Uri.EscapeDataString(back));
    }
}
