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

public static class EnableTwoFactor
{
    public const int RecoveryCodeCount = 10;

    public sealed class Command : ICommand<IReadOnlyList<string>>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Code).Required(l, "Field.AuthenticatorCode").MaxChars(l, "Field.AuthenticatorCode", 16);
    }

    /// <summary>
    /// A code from the app proves it holds the key (and spends that step: the same code cannot then sign in). Turns
    /// two-factor on and returns ten recovery codes, shown once (each works once). The change and its audit record
    /// commit together; the session is re-issued with the new stamp and its "two-factor on" claim.
    /// </summary>
    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current, PrizeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken ct)
        {
            var users = signIn.UserManager;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            if (await users.GetTwoFactorEnabledAsync(user)) throw Rejection.Because(l["TwoFactor.AlreadyOn"]);
            var code = Totp.Normalize(command.Code);
            if (code is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                throw Rejection.Because(l["Account.TwoFactor.WrongCode"], nameof(Command.Code));

            IReadOnlyList<string> codes = [];
            await db.InTransactionAsync(async t =>
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
                db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "account.2fa-enabled", $"user:{user.Id}");
                await db.SaveChangesAsync(t);
            }, ct);
            await signIn.RefreshSignInAsync(user);
            return codes;
        }
    }
}
