using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

public static class PasskeySignIn
{
    public sealed class Command : ICommand
    {
        public string? CredentialJson { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.CredentialJson).IsPasskeyAnswer(l);
    }

    /// <summary>
    /// Every failure reads the same (unknown passkey, wrong signature, no PIN asked, expired challenge): the page says
    /// nothing about which accounts exist. A disabled or locked account is refused as at the password sign-in; an
    /// unconfirmed one cannot have a passkey (adding one needs a session).
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var (result, user) = await signIn.SignInWithPasskeyAsync(command.CredentialJson!);
            db.Audit(clock.GetUtcNow().UtcDateTime, user?.Id, result.Succeeded ? "account.signed-in" : "account.sign-in-failed",
                user is null ? "user:unknown" : $"user:{user.Id}", result.IsLockedOut ? "passkey; locked out" : "passkey");
            await db.SaveAttemptAsync(ct);
            if (result.Succeeded) return Unit.Value;
            throw Rejection.Because(result.IsLockedOut ? l["Account.LockedOut"] : l["Passkey.SignInFailed"]);
        }
    }
}
