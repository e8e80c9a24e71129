using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// Reads an upload's form before the antiforgery check does. A body over the request limits fails while it is
/// read (Kestrel: 413; the form reader: InvalidDataException), and inside the antiforgery filter that would
/// surface as a 500. Here it becomes the applicant's message. Order 950: after [RequestSizeLimit] and
/// [RequestFormLimits] (900) have raised the limits for this action, before antiforgery (1000).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadUploadFormFirstAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType) return;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            var message = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["Attachment.Error.RequestTooLarge"].Value;
            if (http.Request.Headers.XRequestedWith == "XMLHttpRequest")
            {
                context.Result = new ObjectResult(new { error = message }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
                return;
            }
            // The form could not be read, so neither could its return address: back to the entry's page.
            var entryId = context.RouteData.Values["entryId"]?.ToString() is { } id && int.TryParse(id, out var parsed) ? parsed : 0;
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData["FlashError"] = message;
            tempData.Save(); // a short-circuited request skips the result filter that would save it
            context.Result = new LocalRedirectResult(AttachmentsPanel.DefaultReturnUrl(entryId));
        }
    }
}
