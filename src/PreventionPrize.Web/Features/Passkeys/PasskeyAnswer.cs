using FluentValidation;
using Microsoft.Extensions.Localization;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>The one rule for an authenticator's answer as a form posts it, before Identity reads it.</summary>
public static class PasskeyAnswer
{
    /// <summary>An answer is a few hundred bytes ("none" attestation); this leaves room for any authenticator's, not for a flood.</summary>
    public const int MaxChars = 64_000;

    public static IRuleBuilderOptions<T, string?> IsPasskeyAnswer<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Required(l, "Passkey.Field.Credential").MaxChars(l, "Passkey.Field.Credential", MaxChars);
}
