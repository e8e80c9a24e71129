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

public static class RequestEmailChange
{
    public sealed class Command : ICommand
    {
        public string? NewEmail { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(c => c.NewEmail).Email(l);
    }

    /// <summary>
    /// Sends a link to the new address and a notice to the current one; the address changes only when the link is
    /// followed (ConfirmEmailChange). An address that already belongs to another account gets no mail, and the answer
    /// is the same, so this form cannot be used to find out who has an account.
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, AccountMail mail, CurrentUser current, PrizeDbContext db, TimeProvider clock,
        IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var newEmail = command.NewEmail!.Trim();
            if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
                throw Rejection.Because(l["Account.ChangeEmail.Same"], nameof(Command.NewEmail));
            var now = clock.GetUtcNow().UtcDateTime;
            if (await users.FindByEmailAsync(newEmail) is null)
            {
                var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
                await mail.QueueEmailChangeAsync(user, newEmail,
                    $"/account/confirm-email-change?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={AccountTokens.Encode(token)}", ct);
            }
            await mail.QueueSecurityNoticeAsync(user, SecurityChange.EmailChangeRequested, now, ct);
            db.Audit(now, user.Id, "account.email-change-requested", $"user:{user.Id}");
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
