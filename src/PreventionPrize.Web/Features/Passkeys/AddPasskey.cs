using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

public static class AddPasskey
{
    public const int MaxNameLength = 50;
    public const int MaxPasskeysPerAccount = 20;

    public sealed class Command : ICommand
    {
        /// <summary>The authenticator's answer, as the browser serialised it (WebAuthn's JSON form).</summary>
        public string? CredentialJson { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.CredentialJson).IsPasskeyAnswer(l);
            RuleFor(c => c.Name).MaxChars(l, "Passkey.Field.Name", MaxNameLength);
        }
    }

    /// <summary>
    /// Identity checks the answer against the challenge it kept (origin, signature, the PIN or biometric asked); the
    /// passkey is then stored for the account the ceremony was started for, which must still be the one signed in.
    /// The owner is told by e-mail; the passkey, the notice and the audit record commit together.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, AccountMail mail, CurrentUser current, PrizeDbContext db, TimeProvider clock,
        IStringLocalizer<SharedResource> l, ILogger<Command> log) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var existing = await users.GetPasskeysAsync(user);
            if (existing.Count >= MaxPasskeysPerAccount) throw Rejection.Because(l.GetString("Passkey.TooMany", MaxPasskeysPerAccount));

            var result = await signIn.AttestPasskeyAsync(command.CredentialJson!);
            if (result is not { Succeeded: true } || result.UserEntity.Id != user.Id)
            {
                log.LogInformation("A passkey was not added: {Reason}", result?.Failure?.Message ?? "no ceremony under way, or another account's");
                throw Rejection.Because(l["Passkey.NotAdded"]);
            }
            if (await users.FindByPasskeyIdAsync(result.Passkey.CredentialId) is not null) throw Rejection.Because(l["Passkey.AlreadyAdded"]);

            var passkey = result.Passkey;
            passkey.Name = string.IsNullOrWhiteSpace(command.Name) ? l.GetString("Passkey.DefaultName", existing.Count + 1) : command.Name.Trim();
            await db.InTransactionAsync(async t =>
            {
                var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
                if (!added.Succeeded) throw Rejection.Because(l["Passkey.NotAdded"]);
                var now = clock.GetUtcNow().UtcDateTime;
                await mail.QueueSecurityNoticeAsync(user, SecurityChange.PasskeyAdded, now, t);
                db.Audit(now, user.Id, "account.passkey-added", $"user:{user.Id}", PasskeyIds.ForAudit(passkey.CredentialId));
                await db.SaveChangesAsync(t);
            }, ct);
            return Unit.Value;
        }
    }
}
