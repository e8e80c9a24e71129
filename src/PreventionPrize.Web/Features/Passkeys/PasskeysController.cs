using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>
/// Passkeys (WebAuthn): managed on the account's security pages, used to sign in and to confirm it is you. Each
/// ceremony is two requests: a POST for the options (JSON, read by <c>wwwroot/js/passkeys.js</c>, which hands them to
/// the browser's authenticator) and the form posted with the authenticator's answer. Both carry the antiforgery token.
/// </summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PasskeysController(IMediator mediator) : Controller
{
    private const string JsonType = "application/json";

    [Authorize]
    [HttpGet("passkeys")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new PasskeyList.Query(), ct));

    /// <summary>Adding a way into the account is a change to how it is reached: the password (or a passkey) first.</summary>
    [Authorize]
    [RecentSignIn(ReturnTo = "/account/passkeys")]
    [HttpPost("passkeys/options")]
    public async Task<IActionResult> RegistrationOptions(CancellationToken ct) =>
        Content(await mediator.Send(new StartPasskeyRegistration.Command(), ct), JsonType);

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/passkeys")]
    [HttpPost("passkeys")]
    public async Task<IActionResult> Add(AddPasskey.Command command, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), "Flash.PasskeyAdded");
        return RedirectToAction(nameof(Index));
    }

    [Authorize]
    [HttpPost("passkeys/rename")]
    public async Task<IActionResult> Rename(RenamePasskey.Command command, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), "Flash.PasskeyRenamed");
        return RedirectToAction(nameof(Index));
    }

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/passkeys")]
    [HttpPost("passkeys/remove")]
    public async Task<IActionResult> Remove(string? credentialId, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(new RemovePasskey.Command(credentialId), ct).AsTask(), "Flash.PasskeyRemoved");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("login/passkey/options")]
    public async Task<IActionResult> SignInOptions(CancellationToken ct) =>
        Content(await mediator.Send(new StartPasskeySignIn.Command(ForCurrentUser: false), ct), JsonType);

    [HttpPost("login/passkey"), EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> SignIn(PasskeySignIn.Command command, CancellationToken ct) =>
        AnswerAsync(command, command.ReturnUrl, "/", "~/Features/Account/Login.cshtml", new Account.SignIn.Command { ReturnUrl = command.ReturnUrl }, ct);

    [Authorize]
    [HttpPost("reauthenticate/passkey/options")]
    public async Task<IActionResult> ReauthenticationOptions(CancellationToken ct) =>
        Content(await mediator.Send(new StartPasskeySignIn.Command(ForCurrentUser: true), ct), JsonType);

    [Authorize]
    [HttpPost("reauthenticate/passkey"), EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> Reauthenticate(ReauthenticateWithPasskey.Command command, CancellationToken ct) =>
        AnswerAsync(command, command.ReturnUrl, "/account/security", "~/Features/AccountSecurity/Reauthenticate.cshtml",
            new AccountSecurity.Reauthenticate.Command { ReturnUrl = command.ReturnUrl }, ct);

    /// <summary>
    /// Uses a passkey's answer; on to the page asked for. A refused answer shows the page it was used from again
    /// (sign-in, or "confirm it is you") with the reason at the top and the password form ready beside the passkey
    /// button: nothing to retype, no redirect.
    /// </summary>
    private async Task<IActionResult> AnswerAsync(ICommand command, string? returnUrl, string otherwise, string pageView, object pageModel, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
        }
        catch (ValidationException refused)
        {
            ModelState.AddModelError("", refused.Errors.First().ErrorMessage);
            return View(pageView, pageModel);
        }
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect(otherwise);
    }
}
