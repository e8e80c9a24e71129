using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Features.Home;

public sealed class HomeController(IMediator mediator) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new ListOpenCalls.Query(), ct));
}
