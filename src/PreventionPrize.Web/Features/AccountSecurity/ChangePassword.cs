using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Features.Account;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.AccountSecurity;

public static class ChangePassword
{
    public sealed class Command : ICommand
    {
        public string? CurrentPassword { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.CurrentPassword).Required(l, "Field.CurrentPassword").MaxChars(l, "Field.CurrentPassword", IdentitySetup.MaxPasswordLength);
            this.NewPassword(l, c => c.Password, c => c.ConfirmPassword);
        }
    }

    /// <summary>
    /// Identity renews the security stamp with the password, which ends every other session of the account within the
    /// validation interval; this one is re-issued with the new stamp (and a fresh sign-in time: the password was just typed).
    /// A wrong current password counts towards the lockout, so this form is no way round it. The change and its audit
    /// record commit together.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, AccountMail mail, CurrentUser current, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw Rejection.Because(l["Account.InvalidSignIn"]);
            var check = await signIn.CheckPasswordSignInAsync(user, command.CurrentPassword!, lockoutOnFailure: true);
            if (check.IsLockedOut) throw Rejection.Because(l["Account.LockedOut"]);
            if (!check.Succeeded) throw Rejection.Because(l["Account.Reauthenticate.Wrong"], nameof(Command.CurrentPassword));

            IdentityResult result = IdentityResult.Success;
            await db.InTransactionAsync(async token =>
            {
                result = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.Password!);
                if (!result.Succeeded) return;
                var now = clock.GetUtcNow().UtcDateTime;
                await mail.QueueSecurityNoticeAsync(user, SecurityChange.PasswordChanged, now, token);
                db.Audit(now, user.Id, "account.password-changed", $"user:{user.Id}");
                await db.SaveChangesAsync(token);
            }, ct);
            if (!result.Succeeded) throw Rejection.Because(result.Errors.First().Description, nameof(Command.Password));
            await signIn.RefreshAfterReauthenticationAsync(user);
            return Unit.Value;
        }
    }
}
