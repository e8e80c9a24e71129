using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Features.Errors;

/// <summary>Error pages in the reader's language, with no internals (ASVS 16.5.1).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{status:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int? status)
    {
        var code = status is >= 400 and < 600 ? status.Value : 500;
        Response.StatusCode = code;
        return View("Error", code);
    }
}
