using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Invitations;

/// <summary>The invitation link works without an account: it is how a juror gets one.</summary>
[AllowAnonymous]
[Route("jury/invitations/{token}")]
public sealed class InvitationsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Invitation(string token, CancellationToken ct) =>
        View(new AcceptInvitation.Command { Token = token, Page = await mediator.Send(new ShowInvitation.Query(token), ct) });

    [HttpPost("accept"), FormView(nameof(Invitation))]
    public async Task<IActionResult> Accept(AcceptInvitation.Command command, CancellationToken ct)
    {
        var code = await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.InvitationAccepted";
        return Redirect($"/jury/{code}");
    }

    [HttpPost("decline"), FormView(nameof(Invitation))]
    public async Task<IActionResult> Decline(AcceptInvitation.Command command, CancellationToken ct)
    {
        await mediator.Send(new DeclineInvitation.Command(command.Token), ct);
        return View("Declined");
    }
}
