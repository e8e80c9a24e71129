using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Infrastructure.Localization;

/// <summary>Identity's errors in the reader's language. Our validators catch most input first; these are the backstop.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key, params object[] args) => new() { Code = code, Description = l[key, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Validation.EmailInvalid");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Validation.EmailInvalid");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateEmail");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Validation.PasswordTooShort", length);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Identity.AlreadyInRole", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Identity.NotInRole", role);
}
