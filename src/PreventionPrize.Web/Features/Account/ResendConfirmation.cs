using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Account;

public static class ResendConfirmation
{
    public sealed class Command : ICommand
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(c => c.Email).Email(l);
    }

    /// <summary>Sends a fresh link to an unconfirmed account; answers the same for any address.</summary>
    public sealed class Handler(UserManager<AppUser> users, EmailConfirmation confirmation, PrizeDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || user.EmailConfirmed) return Unit.Value;
            await confirmation.QueueAsync(user, ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
