using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>The juror's pages. The role lets a user in; <see cref="JurorMembership"/> and the jury policy decide what exists for them.</summary>
[Authorize(Roles = Roles.Juror)]
[Route("jury")]
public sealed class JurorsController(IMediator mediator, JurorMembership membership) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new MyJury.Query(), ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Call(string code, CancellationToken ct) => View(await mediator.Send(new ListJurorEntries.Query(code), ct));

    [HttpGet("{code}/practice")]
    public async Task<IActionResult> Practice(string code, CancellationToken ct) => View(await mediator.Send(new Practice.Query(code), ct));

    /// <summary>Nothing is saved: the same page comes back with the choices beside a worked answer.</summary>
    [HttpPost("{code}/practice")]
    public async Task<IActionResult> PracticeAnswer(string code, CancellationToken ct) => View(nameof(Practice), await mediator.Send(new Practice.Query(code), ct));

    [HttpGet("{code}/profile")]
    public async Task<IActionResult> Profile(string code, CancellationToken ct) => View(await mediator.Send(new EditJurorProfile.Query(code), ct));

    [HttpPost("{code}/profile")]
    public async Task<IActionResult> Profile(EditJurorProfile.Command command, CancellationToken ct)
    {
        // Membership before validation: for anyone else the page does not exist, even with a bad form.
        await membership.ForCallAsync(command.Code, ct);
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.JurorProfileSaved";
        return Redirect($"/jury/{command.Code}");
    }

    [HttpGet("{code}/declaration")]
    public async Task<IActionResult> Declaration(string code, CancellationToken ct) => View(await mediator.Send(new SignDeclaration.Query(code), ct));

    [HttpPost("{code}/declaration")]
    public async Task<IActionResult> Declaration(SignDeclaration.Command command, CancellationToken ct)
    {
        await membership.ForCallAsync(command.Code, ct);
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.DeclarationSigned";
        return Redirect($"/jury/{command.Code}");
    }

    [HttpGet("{code}/entries/{reference}")]
    public async Task<IActionResult> Entry(string code, string reference, CancellationToken ct) =>
        View(new Recuse.Command { Code = code, Reference = reference, Page = await mediator.Send(new ShowBlindEntry.Query(code, reference), ct) });

    [HttpGet("{code}/entries/{reference}/score")]
    public async Task<IActionResult> Score(string code, string reference, CancellationToken ct)
    {
        var entry = await mediator.Send(new ShowBlindEntry.Query(code, reference), ct);
        if (!entry.FirstSightAnswered) return Redirect($"/jury/{code}/entries/{Uri.EscapeDataString(reference)}");
        var sheet = await mediator.Send(new ScoreSheet.Query(code, reference), ct) ?? throw new NotFoundException();
        return View(ScoreEntry.Command.For(code, reference, entry, sheet));
    }

    [HttpPost("{code}/entries/{reference}/score"), FormView(nameof(Score))]
    public async Task<IActionResult> Score(ScoreEntry.Command command, CancellationToken ct)
    {
        // The entry must exist for this juror before the form is validated: otherwise it is 404, not a form re-shown.
        await mediator.Send(new ShowBlindEntry.Query(command.Code, command.Reference), ct);
        await mediator.Send(command, ct);
        TempData["Flash"] = command.Submit ? "Flash.ScoresSubmitted" : "Flash.ScoresSaved";
        return Redirect(command.Submit ? $"/jury/{command.Code}" : $"/jury/{command.Code}/entries/{Uri.EscapeDataString(command.Reference)}/score");
    }

    [HttpGet("{code}/entries/{reference}/files/{number:int}")]
    public async Task<IActionResult> File(string code, string reference, int number, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadBlindAttachment.Query(code, reference, number), ct);
        Response.ForDownload();
        return File(file.Content, file.ContentType, file.Name);
    }

    [HttpPost("{code}/entries/{reference}/confirm")]
    public async Task<IActionResult> Confirm(string code, string reference, CancellationToken ct)
    {
        await mediator.Send(new ConfirmNoConflict.Command(code, reference), ct);
        return Redirect($"/jury/{code}/entries/{Uri.EscapeDataString(reference)}");
    }

    [HttpPost("{code}/entries/{reference}/recuse"), FormView(nameof(Entry))]
    public async Task<IActionResult> Recuse(Recuse.Command command, CancellationToken ct)
    {
        // The entry must exist for this juror before the form is even validated: otherwise it is 404, not a form re-shown.
        command.Page = await mediator.Send(new ShowBlindEntry.Query(command.Code, command.Reference), ct);
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.Recused";
        return Redirect($"/jury/{command.Code}");
    }
}
