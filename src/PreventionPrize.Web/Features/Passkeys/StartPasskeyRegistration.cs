using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>
/// The options the browser hands its authenticator to make a passkey for this account. Identity keeps the challenge
/// (and the account it is for) in a short-lived protected cookie: nothing the page sends back can choose them.
/// </summary>
public static class StartPasskeyRegistration
{
    public sealed record Command : ICommand<string>;

    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var user = await signIn.UserManager.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            // The e-mail is what the person's device shows when offering the passkey; the id is the account's, never reused.
            return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.Email! });
        }
    }
}
