using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Account;

public static class ResetPassword
{
    public sealed class Command : ICommand
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Email).Email(l);
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => l["Account.ResetLinkInvalid"]);
            this.NewPassword(l, c => c.Password, c => c.ConfirmPassword);
        }
    }

    /// <summary>
    /// Sets the new password; Identity also renews the security stamp, which ends every other session of the
    /// account within the validation interval. Unlocks the account, since its owner has just proved control.
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            var token = AccountTokens.Decode(command.Code);
            if (user is null || token is null) throw Rejection.Because(l["Account.ResetLinkInvalid"]);
            var result = await users.ResetPasswordAsync(user, token, command.Password!);
            if (!result.Succeeded)
            {
                var tokenProblem = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
                throw Rejection.Because(tokenProblem ? l["Account.ResetLinkInvalid"] : result.Errors.First().Description);
            }
            // A temporary lockout ends here; a disabled account stays disabled (only the Secretariat lifts that).
            if (!user.IsDisabled()) await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "account.password-reset", $"user:{user.Id}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
