using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Features.AuditTrail;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat")]
public sealed class AuditTrailController(IMediator mediator) : Controller
{
    [HttpGet("audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, long? before, CancellationToken ct) =>
        Page(await mediator.Send(new ListAudit.Query(filter, before), ct));

    [HttpGet("audit.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportAudit.Command(filter), ct);
        if (export.Problems.Count > 0) return Page(await mediator.Send(new ListAudit.Query(filter), ct));
        return File(export.Content, "text/csv; charset=utf-8", export.FileName);
    }

    /// <summary>A filter that cannot be read is a bad request, shown on the page with what to change.</summary>
    private ViewResult Page(ListAudit.Model model)
    {
        if (model.Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), model);
    }
}
