using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.CallAdmin;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat/calls")]
public sealed class CallAdminController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new ListCalls.Query(), ct));

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateCall.Command { Code = $"DPP-{DateTime.UtcNow.Year + 1}" }.WithDefaults<CreateCall.Command>());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateCall.Command command, CancellationToken ct)
    {
        var code = await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.CallCreated";
        return RedirectToAction(nameof(Edit), new { code });
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct) => View(await mediator.Send(new EditCall.Query(code), ct));

    [HttpPost("{code}")]
    public async Task<IActionResult> Edit(string code, EditCall.Command command, CancellationToken ct)
    {
        command.Code = code;
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.CallSaved";
        return RedirectToAction(nameof(Edit), new { code });
    }

    [HttpPost("{code}/open")]
    public Task<IActionResult> Open(string code, CancellationToken ct) => ChangeStatus(code, new OpenCall.Command(code), "Flash.CallOpened", ct);

    [HttpPost("{code}/close")]
    public Task<IActionResult> Close(string code, CancellationToken ct) => ChangeStatus(code, new CloseCall.Command(code), "Flash.CallClosed", ct);

    /// <summary>Status buttons sit on the edit page, so a refusal comes back there as a message rather than a form re-shown.</summary>
    private async Task<IActionResult> ChangeStatus(string code, ICommand command, string flash, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), flash);
        return RedirectToAction(nameof(Edit), new { code });
    }
}
