using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>The invitation link works without an account: it is how a juror gets one.</summary>
[AllowAnonymous]
[Route("jury/invitations/{token}")]
public sealed class InvitationsController(IMediator mediator) : Controller
{
    // Views are found by controller name, and these live with the rest of the jury's pages.
    private const string InvitationView = "/Features/Jurors/Invitation.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Invitation(string token, CancellationToken ct) =>
        View(InvitationView, new AcceptInvitation.Command { Token = token, Page = await mediator.Send(new ShowInvitation.Query(token), ct) });

    [HttpPost("accept"), FormView(InvitationView)]
    public async Task<IActionResult> Accept(AcceptInvitation.Command command, CancellationToken ct)
    {
        var code = await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.InvitationAccepted";
        return Redirect($"/jury/{code}");
    }

    [HttpPost("decline"), FormView(InvitationView)]
    public async Task<IActionResult> Decline(AcceptInvitation.Command command, CancellationToken ct)
    {
        await mediator.Send(new DeclineInvitation.Command(command.Token), ct);
        return View("/Features/Jurors/Declined.cshtml");
    }
}
