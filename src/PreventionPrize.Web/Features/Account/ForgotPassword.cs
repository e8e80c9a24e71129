using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Account;

public static class ForgotPassword
{
    public sealed class Command : ICommand
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(c => c.Email).Email(l);
    }

    /// <summary>E-mails a one-hour reset link to a confirmed account; the page answers the same for any address.</summary>
    public sealed class Handler(UserManager<AppUser> users, AccountMail mail, PrizeDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || !user.EmailConfirmed) return Unit.Value;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mail.QueuePasswordResetAsync(user, $"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={AccountTokens.Encode(token)}", ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
