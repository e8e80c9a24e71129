using Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>
/// A challenge for the browser's authenticator to sign. At sign-in it names no account: the browser offers the
/// passkeys it holds for this site, so the page never asks "which e-mail?" and cannot tell anyone which accounts have
/// passkeys. To confirm a signed-in person it lists only their own passkeys.
/// </summary>
public static class StartPasskeySignIn
{
    public sealed record Command(bool ForCurrentUser) : ICommand<string>;

    public sealed class Handler(PrizeSignInManager signIn, CurrentUser current) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var user = command.ForCurrentUser ? await signIn.UserManager.FindByIdAsync(current.RequiredId) : null;
            return await signIn.MakePasskeyRequestOptionsAsync(user);
        }
    }
}
