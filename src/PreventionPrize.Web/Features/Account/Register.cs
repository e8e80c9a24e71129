using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;

namespace PreventionPrize.Web.Features.Account;

public static class Register
{
    public sealed class Command : ICommand
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Email).Email(l);
            this.NewPassword(l, c => c.Password, c => c.ConfirmPassword);
        }
    }

    /// <summary>
    /// New accounts are applicants and must confirm their e-mail. The page answers the same whether or not the
    /// address is already registered (no account enumeration); the existing owner gets an e-mail instead.
    /// The account, its role, the audit event and the confirmation mail commit together or not at all.
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, EmailConfirmation confirmation, AccountMail mail, TimeProvider clock, PrizeDbContext db)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = command.Email!.Trim();
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                if (existing.EmailConfirmed) await mail.QueueAlreadyRegisteredAsync(existing, ct);
                else await confirmation.QueueAsync(existing, ct);
                await db.SaveChangesAsync(ct);
                return Unit.Value;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var language = Cultures.Current;
            await db.InTransactionAsync(async ct =>
            {
                var user = new AppUser { UserName = email, Email = email, PreferredLanguage = language, CreatedAtUtc = now };
                var created = await users.CreateAsync(user, command.Password!);
                if (!created.Succeeded) throw Rejection.Because(created.Errors.First().Description, nameof(Command.Password));
                await users.AddToRoleAsync(user, Roles.Applicant);
                await confirmation.QueueAsync(user, ct);
                db.Audit(now, user.Id, "account.registered", $"user:{user.Id}");
                await db.SaveChangesAsync(ct);
            }, ct);
            return Unit.Value;
        }
    }
}
