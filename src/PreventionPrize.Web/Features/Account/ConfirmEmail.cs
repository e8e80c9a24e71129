using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.Account;

public static class ConfirmEmail
{
    public sealed record Command(string? UserId, string? Code) : ICommand<bool>;

    /// <summary>True when the link was valid; a wrong, tampered or expired link says so without telling which.</summary>
    public sealed class Handler(UserManager<AppUser> users, PrizeDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
        {
            var token = AccountTokens.Decode(command.Code);
            if (token is null || string.IsNullOrEmpty(command.UserId)) return false;
            var user = await users.FindByIdAsync(command.UserId);
            if (user is null) return false;
            if (user.EmailConfirmed) return true;
            var result = await users.ConfirmEmailAsync(user, token);
            if (!result.Succeeded) return false;
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "account.email-confirmed", $"user:{user.Id}");
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
