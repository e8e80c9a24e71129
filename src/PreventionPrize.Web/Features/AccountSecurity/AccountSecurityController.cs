using Microsoft.AspNetCore.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

/// <summary>
/// Everything about how an account is reached: the second sign-in step, the security page (password, e-mail,
/// two-factor), and re-authentication before a sensitive change. Pages that show a secret are never cached.
/// </summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountSecurityController(IMediator mediator) : Controller
{
    [HttpGet("login/two-factor")]
    public async Task<IActionResult> SecondFactor(string? returnUrl, CancellationToken ct) =>
        await mediator.Send(new EnterAuthenticatorCode.Pending(), ct) ? View(new EnterAuthenticatorCode.Command { ReturnUrl = returnUrl }) : Redirect("/account/login");

    [HttpPost("login/two-factor"), EnableRateLimiting(RateLimits.SignIn)]
    [FormView(nameof(SecondFactor))]
    public async Task<IActionResult> SecondFactor(EnterAuthenticatorCode.Command command, CancellationToken ct)
    {
        // As the GET: only between the password and the code (before validation, which would re-show the form).
        if (!await mediator.Send(new EnterAuthenticatorCode.Pending(), ct)) return Redirect("/account/login");
        await mediator.Send(command, ct);
        return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("/");
    }

    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl, CancellationToken ct) =>
        await mediator.Send(new EnterAuthenticatorCode.Pending(), ct) ? View(new EnterRecoveryCode.Command { ReturnUrl = returnUrl }) : Redirect("/account/login");

    [HttpPost("login/recovery-code"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> RecoveryCode(EnterRecoveryCode.Command command, CancellationToken ct)
    {
        if (!await mediator.Send(new EnterAuthenticatorCode.Pending(), ct)) return Redirect("/account/login");
        await mediator.Send(command, ct);
        return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("/");
    }

    [Authorize]
    [HttpGet("reauthenticate")]
    public IActionResult Reauthenticate(string? returnUrl) => View(new Reauthenticate.Command { ReturnUrl = returnUrl });

    [Authorize]
    [HttpPost("reauthenticate"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Reauthenticate(Reauthenticate.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("/account/security");
    }

    [Authorize]
    [HttpGet("security")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new SecurityOverview.Query(), ct));

    [Authorize]
    [HttpGet("security/password")]
    public IActionResult ChangePassword() => View(new ChangePassword.Command());

    [Authorize]
    [HttpPost("security/password"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.PasswordChanged";
        return RedirectToAction(nameof(Index));
    }

    [Authorize]
    [RecentSignIn]
    [HttpGet("security/email")]
    public IActionResult ChangeEmail() => View(new RequestEmailChange.Command());

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/security/email")]
    [HttpPost("security/email")]
    public async Task<IActionResult> ChangeEmail(RequestEmailChange.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.EmailChangeSent";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("confirm-email-change")]
    public async Task<IActionResult> ConfirmEmailChange(string? userId, string? email, string? code, CancellationToken ct) =>
        View("EmailChanged", await mediator.Send(new ConfirmEmailChange.Command(userId, email, code), ct));

    [Authorize]
    [RecentSignIn]
    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(CancellationToken ct) => View(await mediator.Send(new TwoFactorSetup.Query(), ct));

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/two-factor")]
    [HttpPost("two-factor")]
    public async Task<IActionResult> EnableTwoFactor(EnableTwoFactor.Command command, CancellationToken ct)
    {
        try
        {
            return View("RecoveryCodes", await mediator.Send(command, ct));
        }
        catch (FluentValidation.ValidationException rejected)
        {
            foreach (var error in rejected.Errors) ModelState.AddModelError(nameof(command.Code), error.ErrorMessage);
            return View("TwoFactor", await mediator.Send(new TwoFactorSetup.Query(), ct));
        }
    }

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/two-factor")]
    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes(CancellationToken ct)
    {
        try
        {
            return View("RecoveryCodes", await mediator.Send(new RegenerateRecoveryCodes.Command(), ct));
        }
        catch (FluentValidation.ValidationException rejected)
        {
            // Refused (two-factor is off): back to the set-up page with the reason, not a bare 400.
            TempData["FlashError"] = rejected.Errors.First().ErrorMessage;
            return RedirectToAction(nameof(TwoFactor));
        }
    }

    [Authorize]
    [RecentSignIn(ReturnTo = "/account/two-factor")]
    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor(CancellationToken ct)
    {
        await mediator.Send(new DisableTwoFactor.Command(), ct);
        TempData["Flash"] = "Flash.TwoFactorDisabled";
        return RedirectToAction(nameof(Index));
    }
}
