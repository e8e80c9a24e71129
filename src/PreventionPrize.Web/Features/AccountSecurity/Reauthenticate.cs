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

/// <summary>"Confirm your password" before a sensitive change: a session left open on a shared computer is not enough.</summary>
public static class Reauthenticate
{
    public sealed class Command : ICommand
    {
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Password).Required(l, "Field.Password").MaxChars(l, "Field.Password", IdentitySetup.MaxPasswordLength);
    }

    /// <summary>Failures count towards the lockout, as at sign-in; success renews the session's sign-in time.</summary>
    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await signIn.UserManager.FindByIdAsync(current.RequiredId) ?? throw Rejection.Because(l["Account.InvalidSignIn"]);
            var result = await signIn.CheckPasswordSignInAsync(user, command.Password!, lockoutOnFailure: true);
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, result.Succeeded ? "account.reauthenticated" : "account.reauthentication-failed",
                $"user:{user.Id}", result.IsLockedOut ? "locked out" : null);
            await db.SaveAttemptAsync(ct);
            if (result.IsLockedOut) throw Rejection.Because(l["Account.LockedOut"]);
            if (!result.Succeeded) throw Rejection.Because(l["Account.Reauthenticate.Wrong"], nameof(Command.Password));
            await signIn.RefreshAfterReauthenticationAsync(user);
            return Unit.Value;
        }
    }
}
