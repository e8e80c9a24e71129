using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Decisions;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat/calls/{code}/decisions")]
public sealed class DecisionsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string code, CancellationToken ct) => View(await mediator.Send(new ListDecisions.Query(code), ct));

    [HttpPost("{entryId:int}")]
    public async Task<IActionResult> Record(RecordDecision.Command command, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), "Flash.DecisionRecorded");
        return Redirect($"/secretariat/calls/{command.Code}/decisions#entry-{command.EntryId}");
    }

    [HttpPost("release")]
    public async Task<IActionResult> Release(SetReleaseInstant.Command command, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), "Flash.ReleaseInstantSet");
        return RedirectToAction(nameof(Index), new { code = command.Code });
    }

    [HttpGet("report")]
    public async Task<IActionResult> Report(string code, CancellationToken ct) => View(await mediator.Send(new JuryReport.Query(code), ct));

    [HttpGet("{entryId:int}/preview")]
    public async Task<IActionResult> Preview(string code, int entryId, CancellationToken ct) => View(await mediator.Send(new PreviewResult.Query(code, entryId), ct));
}
