using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Infrastructure.Localization;

/// <summary>
/// The common rules with messages in the reader's language. Messages are lambdas so they are looked up when
/// a request is validated (in its culture), not when the validator is built.
/// </summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l, string fieldKey) =>
        rule.NotEmpty().WithMessage(_ => l["Validation.Required", l[fieldKey]]);

    public static IRuleBuilderOptions<T, TValue?> Required<T, TValue>(this IRuleBuilder<T, TValue?> rule, IStringLocalizer l, string fieldKey)
        where TValue : struct =>
        rule.NotNull().WithMessage(_ => l["Validation.Required", l[fieldKey]]);

    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l, string fieldKey, int max) =>
        rule.MaximumLength(max).WithMessage(_ => l["Validation.TooLong", l[fieldKey], max]);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.Required", l["Field.Email"]])
            .MaximumLength(254).WithMessage(_ => l["Validation.TooLong", l["Field.Email"], 254])
            .Must(BeAnEmailAddress).WithMessage(_ => l["Validation.EmailInvalid"]);

    /// <summary>
    /// One address, no display name, no CR/LF, no invisible characters (a non-breaking or zero-width space
    /// pasted from a document would be stored and then never deliver): what MimeKit will put in a header as is.
    /// </summary>
    public static bool BeAnEmailAddress(string? value) =>
        value is not null
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
        && MimeKit.MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address == value
        && value.IndexOf('@') is > 0 and var at && at < value.Length - 1
        && value[(at + 1)..].Contains('.');

    /// <summary>An absolute http(s) address with a dotted host: what may be shown as a link and followed.</summary>
    public static bool BeAWebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.');
}
