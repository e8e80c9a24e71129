using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Account;

[Route("account")]
public sealed class AccountController(IMediator mediator, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new Register.Command());

    [HttpPost("register"), EnableRateLimiting(RateLimits.Registration)]
    public async Task<IActionResult> Register(Register.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return CheckYourEmail("Account.CheckEmail.Registered");
    }

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? code, CancellationToken ct) =>
        View("Confirmed", await mediator.Send(new ConfirmEmail.Command(userId, code), ct));

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new ResendConfirmation.Command());

    [HttpPost("resend-confirmation"), EnableRateLimiting(RateLimits.ConfirmationMail)]
    public async Task<IActionResult> ResendConfirmation(ResendConfirmation.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return CheckYourEmail("Account.CheckEmail.Resent");
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new SignIn.Command { ReturnUrl = returnUrl });

    [HttpPost("login"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(SignIn.Command command, CancellationToken ct)
    {
        var outcome = await mediator.Send(command, ct);
        if (outcome == Account.SignIn.Outcome.SecondFactorNeeded)
            return Redirect("/account/login/two-factor" + (Url.IsLocalUrl(command.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(command.ReturnUrl) : ""));
        return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("/");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [HttpPost("forgot-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return CheckYourEmail("Account.CheckEmail.Reset");
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? code) => View(new ResetPassword.Command { Email = email, Code = code });

    [HttpPost("reset-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.PasswordReset";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private ViewResult CheckYourEmail(string messageKey) => View("CheckYourEmail", messageKey);
}
