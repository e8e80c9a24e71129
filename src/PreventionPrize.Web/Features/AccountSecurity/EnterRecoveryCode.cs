using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

/// <summary>The sign-in's second step when the phone is lost: one of the ten recovery codes, each good once.</summary>
public static class EnterRecoveryCode
{
    public sealed class Command : ICommand
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Code).Required(l, "Field.RecoveryCode").MaxChars(l, "Field.RecoveryCode", 32);
    }

    /// <summary>
    /// Identity does not count failed recovery codes towards the lockout ("codes are random"); here they count, so the
    /// second step has one limit whichever way it is attempted, and a locked account is refused before any code is tried.
    /// </summary>
    public sealed class Handler(SignInManager<AppUser> signIn, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync() ?? throw Rejection.Because(l["Account.TwoFactor.Expired"]);
            var users = signIn.UserManager;
            var now = clock.GetUtcNow().UtcDateTime;
            if (await users.IsLockedOutAsync(user))
            {
                db.Audit(now, user.Id, "account.2fa-failed", $"user:{user.Id}", "locked out");
                await db.SaveAttemptAsync(ct);
                throw Rejection.Because(l["Account.LockedOut"]);
            }
            var code = command.Code!.Replace(" ", "").Trim();
            var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            if (result.Succeeded)
            {
                db.Audit(now, user.Id, "account.recovery-code-used", $"user:{user.Id}", $"{await users.CountRecoveryCodesAsync(user)} left");
                db.Audit(now, user.Id, "account.signed-in", $"user:{user.Id}", "recovery code");
                await db.SaveAttemptAsync(ct);
                return Unit.Value;
            }
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            db.Audit(now, user.Id, "account.2fa-failed", $"user:{user.Id}", locked ? "locked out" : "recovery code");
            await db.SaveAttemptAsync(ct);
            throw Rejection.Because(locked ? l["Account.LockedOut"] : l["Account.TwoFactor.WrongRecoveryCode"], nameof(Command.Code));
        }
    }
}
