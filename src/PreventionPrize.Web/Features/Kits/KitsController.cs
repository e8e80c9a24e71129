using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Kits;

/// <summary>The team's kit form (the entry access rule: owner only, after the release) and the Secretariat's review.</summary>
[Authorize]
public sealed class KitsController(IMediator mediator) : Controller
{
    [HttpGet("/entries/{entryId:int}/kit")]
    public async Task<IActionResult> Edit(int entryId, CancellationToken ct) => View(await mediator.Send(new EditKit.Query(entryId), ct));

    [HttpPost("/entries/{entryId:int}/kit")]
    public async Task<IActionResult> Edit(EditKit.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = command.Submit ? "Flash.KitSubmitted" : "Flash.KitSaved";
        return Redirect($"/entries/{command.EntryId}/kit");
    }

    [Authorize(Roles = Roles.Secretariat)]
    [HttpGet("/secretariat/kits/{entryId:int}")]
    public async Task<IActionResult> Review(int entryId, CancellationToken ct) => View(await mediator.Send(new ReviewKit.Query(entryId), ct));

    [Authorize(Roles = Roles.Secretariat)]
    [HttpPost("/secretariat/kits/{entryId:int}"), FormView(nameof(Review))]
    public async Task<IActionResult> Review(ReviewKit.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = command.Approve ? "Flash.KitApproved" : "Flash.KitSaved";
        return Redirect($"/secretariat/kits/{command.EntryId}");
    }
}
