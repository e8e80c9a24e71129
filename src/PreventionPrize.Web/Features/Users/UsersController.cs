using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Users;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat/users")]
public sealed class UsersController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken ct = default) =>
        View(await mediator.Send(new ListUsers.Query(search, page), ct));

    [HttpPost("{userId}/roles")]
    public async Task<IActionResult> ChangeRole(string userId, string role, bool grant, string? search, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(new ChangeRole.Command(userId, role, grant), ct).AsTask(), grant ? "Flash.RoleGranted" : "Flash.RoleRevoked");
        return RedirectToAction(nameof(Index), new { search });
    }

    [HttpPost("{userId}/access")]
    public async Task<IActionResult> ChangeAccess(string userId, bool disable, string? search, CancellationToken ct)
    {
        await this.TryAsync(() => mediator.Send(new DisableAccount.Command(userId, disable), ct).AsTask(), disable ? "Flash.AccountDisabled" : "Flash.AccountEnabled");
        return RedirectToAction(nameof(Index), new { search });
    }
}
