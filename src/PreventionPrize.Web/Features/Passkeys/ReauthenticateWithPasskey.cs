using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>"Confirm it is you" with a passkey instead of the password: one of the person's own passkeys, now.</summary>
public static class ReauthenticateWithPasskey
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

    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await signIn.UserManager.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var assertion = await signIn.VerifyPasskeyAsync(command.CredentialJson!);
            // Another account's passkey proves nothing about this session's person.
            var confirmed = assertion is { Succeeded: true } && assertion.User.Id == user.Id
                && (await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded;
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, confirmed ? "account.reauthenticated" : "account.reauthentication-failed",
                $"user:{user.Id}", "passkey");
            await db.SaveAttemptAsync(ct);
            if (!confirmed) throw Rejection.Because(l["Passkey.SignInFailed"]);
            await signIn.RefreshAfterReauthenticationAsync(user);
            return Unit.Value;
        }
    }
}
