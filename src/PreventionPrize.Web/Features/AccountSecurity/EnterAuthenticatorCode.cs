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

/// <summary>The sign-in's second step: the six-digit code of the authenticator app.</summary>
public static class EnterAuthenticatorCode
{
    /// <summary>True when a password was just accepted and the second step is awaited (its cookie lasts five minutes).</summary>
    public sealed record Pending : IQuery<bool>;

    public sealed class Command : ICommand
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Code).Required(l, "Field.AuthenticatorCode").MaxChars(l, "Field.AuthenticatorCode", 16);
    }

    public sealed class PendingHandler(SignInManager<AppUser> signIn) : IQueryHandler<Pending, bool>
    {
        public async ValueTask<bool> Handle(Pending query, CancellationToken ct) => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;
    }

    /// <summary>
    /// A wrong code counts towards the lockout like a wrong password (Identity does this for authenticator codes); a
    /// code already used, or more than one step old, is a wrong code.
    /// </summary>
    public sealed class Handler(SignInManager<AppUser> signIn, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync() ?? throw Rejection.Because(l["Account.TwoFactor.Expired"]);
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(Totp.Normalize(command.Code) ?? "x", isPersistent: false, rememberClient: false);
            var now = clock.GetUtcNow().UtcDateTime;
            if (result.Succeeded) db.Audit(now, user.Id, "account.signed-in", $"user:{user.Id}", "authenticator");
            else db.Audit(now, user.Id, "account.2fa-failed", $"user:{user.Id}", result.IsLockedOut ? "locked out" : "authenticator");
            await db.SaveAttemptAsync(ct);

            if (result.Succeeded) return Unit.Value;
            if (result.IsLockedOut) throw Rejection.Because(l["Account.LockedOut"]);
            throw Rejection.Because(l["Account.TwoFactor.WrongCode"], nameof(Command.Code));
        }
    }
}
