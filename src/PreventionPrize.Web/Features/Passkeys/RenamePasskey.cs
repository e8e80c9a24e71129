using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>A passkey's name is the owner's own label ("work laptop"); only they see it.</summary>
public static class RenamePasskey
{
    public sealed class Command : ICommand
    {
        public string? CredentialId { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.CredentialId).Required(l, "Passkey.Field.Credential").MaxChars(l, "Passkey.Field.Credential", 1400);
            RuleFor(c => c.Name).Required(l, "Passkey.Field.Name").MaxChars(l, "Passkey.Field.Name", AddPasskey.MaxNameLength);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var passkey = PasskeyIds.Decode(command.CredentialId) is { } id ? await users.GetPasskeyAsync(user, id) : null;
            if (passkey is null) throw Rejection.Because(l["Passkey.NotFound"]);
            passkey.Name = command.Name!.Trim();
            var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (!saved.Succeeded) throw Rejection.Because(l["Passkey.NotFound"]);
            return Unit.Value;
        }
    }
}
