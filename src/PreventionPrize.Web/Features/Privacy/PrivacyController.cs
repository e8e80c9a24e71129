using Microsoft.AspNetCore.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Privacy;

public sealed class PrivacyController(IMediator mediator, SignInManager<AppUser> signIn, TimeProvider clock) : Controller
{
    [HttpGet("privacy")]
    public IActionResult Notice() => View();

    [Authorize]
    [HttpGet("account/data")]
    public IActionResult Data() => View();

    [Authorize]
    [HttpGet("account/data.json")]
    public async Task<IActionResult> DataJson(CancellationToken ct)
    {
        var json = await mediator.Send(new ExportMyData.Command(), ct);
        Response.ForDownload();
        return File(json, "application/json", $"my-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    [Authorize]
    [HttpGet("account/delete")]
    public IActionResult Delete() => View(new DeleteAccount.Command());

    [Authorize]
    [HttpPost("account/delete"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Delete(DeleteAccount.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        await signIn.SignOutAsync();
        TempData["Flash"] = "Flash.AccountDeleted";
        return Redirect("/");
    }
}
