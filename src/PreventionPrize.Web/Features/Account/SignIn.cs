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

public static class SignIn
{
    public sealed class Command : ICommand<Outcome>
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public enum Outcome { SignedIn, SecondFactorNeeded }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Email).Required(l, "Field.Email").MaxChars(l, "Field.Email", 254);
            RuleFor(c => c.Password).Required(l, "Field.Password").MaxChars(l, "Field.Password", 256);
        }
    }

    /// <summary>
    /// Counts every failure towards lockout (the template's default does not). A wrong e-mail and a wrong
    /// password get the same message; an unconfirmed account is told so only after the right password. With two-factor
    /// on, the right password only leads to the second step (TwoFactorSignIn), which records the sign-in.
    /// </summary>
    public sealed class Handler(SignInManager<AppUser> signIn, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken ct)
        {
            var email = command.Email!.Trim();
            var result = await signIn.PasswordSignInAsync(email, command.Password!, isPersistent: false, lockoutOnFailure: true);
            var user = await signIn.UserManager.FindByEmailAsync(email);
            if (result.RequiresTwoFactor) return Outcome.SecondFactorNeeded;
            db.Audit(clock.GetUtcNow().UtcDateTime, user?.Id, result.Succeeded ? "account.signed-in" : "account.sign-in-failed",
                user is null ? "user:unknown" : $"user:{user.Id}", result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not confirmed" : null);
            await db.SaveAttemptAsync(ct);

            if (result.Succeeded) return Outcome.SignedIn;
            if (result.IsLockedOut) throw Rejection.Because(l["Account.LockedOut"]);
            if (result.IsNotAllowed) throw Rejection.Because(l["Account.NotConfirmed"]);
            throw Rejection.Because(l["Account.InvalidSignIn"]);
        }
    }
}
