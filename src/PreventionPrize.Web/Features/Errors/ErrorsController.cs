using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Features.Errors;

/// <summary>Error pages in the reader's language, with no internals (ASVS 16.5.1).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{status:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // Read from the route, not bound: a form ASP.NET Core refuses to read (a NUL byte in a field) fails all model
        // binding, and its 400 would otherwise be reported as a 500.
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), out var parsed) ? parsed : 0;
        var code = status is >= 400 and < 600 ? status : 500;
        Response.StatusCode = code;
        return View("Error", code);
    }
}
