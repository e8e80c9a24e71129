using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Features.Calls;

[Route("calls")]
public sealed class CallsController(IMediator mediator) : Controller
{
    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) => View(await mediator.Send(new ShowCall.Query(code), ct));
}
