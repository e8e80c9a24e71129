using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Entries;

[Authorize]
public sealed class EntriesController(IMediator mediator, EntryAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/entries")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new ListMyEntries.Query(), ct));

    [HttpGet("/calls/{code}/apply")]
    public async Task<IActionResult> Start(string code, CancellationToken ct)
    {
        var call = await mediator.Send(new Calls.ShowCall.Query(code), ct);
        if (call.Window is not (WindowState.Upcoming or WindowState.Open or WindowState.Grace))
        {
            TempData["FlashError"] = l["Entry.CallClosed"].Value;
            return Redirect($"/calls/{call.Code}");
        }
        return View(new StartEntry.Command { CallCode = call.Code, Language = Infrastructure.Localization.Cultures.Current });
    }

    [HttpPost("/calls/{code}/apply")]
    public async Task<IActionResult> Start(string code, StartEntry.Command command, CancellationToken ct)
    {
        command.CallCode = code;
        var id = await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.EntryStarted";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet("/entries/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct) => View(await mediator.Send(new EntryPage.Query(id), ct));

    [HttpGet("/entries/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var form = await mediator.Send(new EditEntry.Query(id), ct);
        return form is null ? RedirectToAction(nameof(Show), new { id }) : View(form);
    }

    [HttpPost("/entries/{id:int}")]
    [FormView(nameof(Edit))]
    public async Task<IActionResult> Save(int id, SaveDraft.Command command, CancellationToken ct)
    {
        // Ownership before validation: for anyone else the entry does not exist, even with a bad form.
        await access.MustOwnAsync(id, ct);
        command.Id = id;
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.DraftSaved";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Autosave: the same save as the button, answered in JSON for wwwroot/js/entry-form.js.</summary>
    [HttpPost("/entries/{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, SaveDraft.Command command, CancellationToken ct)
    {
        await access.MustOwnAsync(id, ct);
        command.Id = id;
        try
        {
            var saved = await mediator.Send(command, ct);
            return Json(new { version = saved.Version, savedAt = saved.SavedAtUtc, warnings = saved.IdentifierWarnings.Count });
        }
        catch (ValidationException rejected)
        {
            return Conflict(new { message = rejected.Errors.First().ErrorMessage });
        }
    }

    [HttpPost("/entries/{id:int}/submit"), EnableRateLimiting(RateLimits.Submit)]
    [FormView(nameof(Edit))]
    public async Task<IActionResult> Submit(int id, SubmitEntry.Command command, CancellationToken ct)
    {
        await access.MustOwnAsync(id, ct);
        command.Id = id;
        var reference = await mediator.Send(command, ct);
        TempData["Submitted"] = reference;
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("/entries/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct) => View(await mediator.Send(new EntryPage.Query(id), ct));

    [HttpPost("/entries/{id:int}/withdraw")]
    public async Task<IActionResult> ConfirmWithdraw(int id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new WithdrawEntry.Command(id), ct);
            TempData["Flash"] = "Flash.EntryWithdrawn";
        }
        catch (ValidationException rejected)
        {
            TempData["FlashError"] = rejected.Errors.First().ErrorMessage;
        }
        return RedirectToAction(nameof(Show), new { id });
    }
}
