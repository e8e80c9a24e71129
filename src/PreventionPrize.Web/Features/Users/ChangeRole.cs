using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Users;

public static class ChangeRole
{
    public sealed record Command(string UserId, string Role, bool Grant) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Role).Must(Roles.Grantable.Contains).WithMessage(_ => l["Users.RoleNotGrantable"]);
    }

    /// <summary>
    /// Grants or revokes Juror or Secretariat. The security stamp is renewed so the person's open sessions pick
    /// up the change within minutes. Nobody can remove their own Secretariat role (the last one would lock everyone out).
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, PrizeDbContext db, TimeProvider clock, CurrentUser actor, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException();
            if (!command.Grant && command.Role == Roles.Secretariat && user.Id == actor.Id)
                throw Rejection.Because(l["Users.CannotRevokeSelf"]);
            var has = await users.IsInRoleAsync(user, command.Role);
            if (has == command.Grant) return Unit.Value;
            // UserManager saves on its own; the transaction makes the role, the new stamp and the event one change.
            await db.InTransactionAsync(async ct =>
            {
                var result = command.Grant ? await users.AddToRoleAsync(user, command.Role) : await users.RemoveFromRoleAsync(user, command.Role);
                if (!result.Succeeded) throw Rejection.Because(result.Errors.First().Description);
                await users.UpdateSecurityStampAsync(user);
                db.Audit(clock.GetUtcNow().UtcDateTime, actor.Id, command.Grant ? "role.granted" : "role.revoked", $"user:{user.Id}", command.Role);
                await db.SaveChangesAsync(ct);
            }, ct);
            return Unit.Value;
        }
    }
}
