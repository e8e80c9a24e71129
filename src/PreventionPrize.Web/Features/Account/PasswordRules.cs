using FluentValidation;
using Microsoft.Extensions.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Account;

/// <summary>ASVS 6.2: length only (12 to 256 characters, any characters), and the two typed passwords agree.</summary>
public static class PasswordRules
{
    public static void NewPassword<T>(this AbstractValidator<T> validator, IStringLocalizer l,
        System.Linq.Expressions.Expression<Func<T, string?>> password, System.Linq.Expressions.Expression<Func<T, string?>> confirmation)
    {
        validator.RuleFor(password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.Required", l["Field.Password"]])
            .MinimumLength(IdentitySetup.MinPasswordLength).WithMessage(_ => l["Validation.PasswordTooShort", IdentitySetup.MinPasswordLength])
            .MaximumLength(IdentitySetup.MaxPasswordLength).WithMessage(_ => l["Validation.TooLong", l["Field.Password"], IdentitySetup.MaxPasswordLength]);
        validator.RuleFor(confirmation).Equal(password).WithMessage(_ => l["Validation.PasswordsDiffer"]);
    }
}
