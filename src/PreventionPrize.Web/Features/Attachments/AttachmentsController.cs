using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// An entry's files. The forms live on the entry's page (the <c>_Attachments</c> partial), so every POST goes
/// back to a local <c>returnUrl</c> with a message (post-redirect-get), or answers JSON to the upload script.
/// Who may do what is decided by <see cref="Entries.EntryAccess"/> in the handlers: 404 for anyone else.
/// </summary>
[Authorize]
[Route("entries/{entryId:int}/attachments")]
public sealed class AttachmentsController(IMediator mediator, Entries.EntryAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List(int entryId, string? returnUrl, CancellationToken ct)
    {
        var panel = await mediator.Send(new ListAttachments.Query(entryId, Back(entryId, returnUrl)), ct);
        return FromScript ? PartialView("_Attachments", panel) : View(panel);
    }

    [HttpPost(""), EnableRateLimiting(RateLimits.Upload)]
    [RequestSizeLimit(AttachmentRules.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.RequestLimitBytes)]
    [ReadUploadFormFirst]
    public async Task<IActionResult> Upload(int entryId, string? purpose, string? returnUrl, CancellationToken ct)
    {
        // Read here rather than bound as an argument: a bound IFormFile would count as the "form model" that
        // FormErrorsFilter re-renders, and this action has no view of its own.
        var files = Request.HasFormContentType ? (await Request.ReadFormAsync(ct)).Files : new FormFileCollection();
        return await Run(entryId, returnUrl, new UploadAttachment.Command(entryId, purpose, files), "Attachment.Uploaded", ct);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(int entryId, Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadAttachment.Query(entryId, id), ct);
        Response.ForDownload();
        return File(file.Content, file.ContentType, file.Name);
    }

    [HttpPost("{id:guid}/delete")]
    public Task<IActionResult> Delete(int entryId, Guid id, string? returnUrl, CancellationToken ct) =>
        Run(entryId, returnUrl, new DeleteAttachment.Command(entryId, id), "Attachment.Deleted", ct);

    private async Task<IActionResult> Run<T>(int entryId, string? returnUrl, ICommand<T> command, string doneKey, CancellationToken ct)
    {
        // Ownership before validation: for anyone else the entry does not exist, not even to say a file is missing.
        await access.MustOwnAsync(entryId, ct);
        var fromScript = FromScript;
        try
        {
            await mediator.Send(command, ct);
        }
        catch (ValidationException rejected)
        {
            var message = rejected.Errors.First().ErrorMessage;
            if (fromScript) return BadRequest(new { error = message });
            TempData["FlashError"] = message;
            return LocalRedirect(Back(entryId, returnUrl));
        }
        if (fromScript) return Json(new { message = l[doneKey].Value });
        TempData["Flash"] = doneKey;
        return LocalRedirect(Back(entryId, returnUrl));
    }

    private bool FromScript => Request.Headers.XRequestedWith == "XMLHttpRequest";

    private string Back(int entryId, string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? returnUrl : AttachmentsPanel.DefaultReturnUrl(entryId);
}
