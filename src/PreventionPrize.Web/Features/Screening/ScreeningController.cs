using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Screening;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat")]
public sealed class ScreeningController(IMediator mediator, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("calls/{code}/entries")]
    public async Task<IActionResult> Index(string code, ListEntries.Query query, CancellationToken ct) =>
        View(await mediator.Send(query with { Code = code }, ct));

    [HttpGet("calls/{code}/entries.csv")]
    public async Task<IActionResult> Export(string code, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportEntries.Command(code), ct);
        return File(export.Content, "text/csv; charset=utf-8", export.FileName);
    }

    [HttpGet("entries/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct) =>
        View(ScreenEntry.Command.For(await mediator.Send(new ShowEntry.Query(id), ct) ?? throw new NotFoundException()));

    [HttpPost("entries/{id:int}/attachments/{attachmentId:guid}/release")]
    public async Task<IActionResult> Release(int id, Guid attachmentId, bool release, CancellationToken ct)
    {
        await mediator.Send(new ReleaseAttachment.Command(id, attachmentId, release), ct);
        TempData["Flash"] = release ? "Flash.AttachmentReleased" : "Flash.AttachmentWithheld";
        return Redirect($"/secretariat/entries/{id}#attachments-heading");
    }

    [HttpPost("entries/{id:int}/screen"), FormView(nameof(Show))]
    public async Task<IActionResult> Screen(int id, ScreenEntry.Command command, CancellationToken ct)
    {
        var outcome = await mediator.Send(command, ct);
        if (outcome == ScreenEntry.Outcome.MailNotSent) TempData["FlashError"] = l["Screening.MailNotSent"].Value;
        else TempData["Flash"] = outcome == ScreenEntry.Outcome.Saved ? "Screening.Saved" : "Screening.Unchanged";
        return RedirectToAction(nameof(Show), new { id });
    }
}
