using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary>
/// The small buttons of a page (a status change, a lock, a reminder) report back as a message at the top of the
/// page they came from, after a redirect; a refusal ("the round is closed") is that message too, in red, never a
/// page of its own. Forms with fields use <see cref="FormErrorsFilter"/> instead.
/// </summary>
public static class Flash
{
    /// <summary>Runs <paramref name="action"/>; sets the success message key, or the refusal's text. True when it succeeded.</summary>
    public static async Task<bool> TryAsync(this Controller controller, Func<Task> action, string flashKey)
    {
        try
        {
            await action();
            controller.TempData["Flash"] = flashKey;
            return true;
        }
        catch (ValidationException rejected)
        {
            controller.TempData["FlashError"] = rejected.Errors.First().ErrorMessage;
            return false;
        }
    }
}
