using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.JuryAdmin;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat/calls/{code}")]
public sealed class JuryAdminController(IMediator mediator) : Controller
{
    [HttpGet("jury")]
    public async Task<IActionResult> Index(string code, CancellationToken ct) => View(await mediator.Send(new ListJury.Query(code), ct));

    [HttpGet("jury/invite")]
    public async Task<IActionResult> Invite(string code, CancellationToken ct)
    {
        await mediator.Send(new ListJury.Query(code), ct);
        return View(new InviteJuror.Command { Code = code });
    }

    [HttpPost("jury/invite")]
    public async Task<IActionResult> Invite(InviteJuror.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.JurorInvited";
        return RedirectToAction(nameof(Index), new { code = command.Code });
    }

    [HttpGet("jury/{memberId:int}")]
    public async Task<IActionResult> Juror(string code, int memberId, CancellationToken ct) =>
        View(await mediator.Send(new ShowJuror.Query(code, memberId), ct));

    [HttpPost("jury/{memberId:int}/resend")]
    public Task<IActionResult> Resend(string code, int memberId, CancellationToken ct) =>
        Act(new ResendInvitation.Command(code, memberId), "Flash.InvitationResent", nameof(Index), new { code }, ct);

    [HttpPost("jury/{memberId:int}/revoke")]
    public Task<IActionResult> Revoke(string code, int memberId, CancellationToken ct) =>
        Act(new RevokeInvitation.Command(code, memberId), "Flash.InvitationRevoked", nameof(Index), new { code }, ct);

    [HttpPost("jury/{memberId:int}/consent")]
    public Task<IActionResult> Consent(RecordGuardianConsent.Command command, CancellationToken ct) =>
        Act(command, "Flash.ConsentRecorded", nameof(Juror), new { code = command.Code, memberId = command.MemberId }, ct);

    [HttpPost("jury/publish")]
    public Task<IActionResult> Publish(string code, bool publish, CancellationToken ct) =>
        Act(new PublishJury.Command(code, publish), publish ? "Flash.JuryPublished" : "Flash.JuryUnpublished", nameof(Index), new { code }, ct);

    [HttpGet("conflicts")]
    public async Task<IActionResult> Conflicts(string code, CancellationToken ct) => View(await mediator.Send(new ConflictMatrix.Query(code), ct));

    [HttpPost("conflicts/detect")]
    public async Task<IActionResult> Detect(string code, CountryConflictRule? countryRule, CancellationToken ct)
    {
        var found = await mediator.Send(new DetectConflicts.Command(code, countryRule), ct);
        TempData["Flash"] = found == 0 ? "Flash.NoNewConflicts" : "Flash.NewConflicts";
        return RedirectToAction(nameof(Conflicts), new { code });
    }

    [HttpPost("conflicts/add")]
    public Task<IActionResult> Add(AddConflict.Command command, CancellationToken ct) =>
        Act(command, "Flash.ConflictAdded", nameof(Conflicts), new { code = command.Code }, ct);

    [HttpPost("conflicts/{conflictId:int}/pin")]
    public Task<IActionResult> Pin(string code, int conflictId, CancellationToken ct) =>
        Act(new PinConflict.Command(code, conflictId), "Flash.ConflictPinned", nameof(Conflicts), new { code }, ct);

    [HttpPost("conflicts/{conflictId:int}/clear")]
    public Task<IActionResult> Clear(ClearConflict.Command command, CancellationToken ct) =>
        Act(command, "Flash.ConflictCleared", nameof(Conflicts), new { code = command.Code }, ct);

    /// <summary>
    /// The small forms of these pages sit among many others, so a refusal comes back as a message at the top of
    /// the page the form is on, rather than as a page of its own.
    /// </summary>
    private async Task<IActionResult> Act<T>(T command, string flash, string page, object route, CancellationToken ct) where T : notnull
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), flash);
        return RedirectToAction(page, route);
    }
}
