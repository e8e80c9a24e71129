using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>The account e-mails (confirmation, password reset, "you already have an account") in the account's language.</summary>
public sealed class AccountMail(MailComposer composer, IStringLocalizer<SharedResource> l)
{
    public Task SendConfirmationAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Confirm", link, ct);

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Reset", link, ct);

    public Task SendAlreadyRegisteredAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Existing", link, ct);

    private Task SendAsync(AppUser user, string key, string link, CancellationToken ct) =>
        composer.SendAsync(user.Email!, user.PreferredLanguage, () =>
        {
            var prize = l["Prize.Name"].Value;
            return new MailContent(l[$"{key}.Subject", prize], [l[$"{key}.Body", prize]], l["Mail.Footer", prize], (l[$"{key}.Action"], link));
        }, ct);
}
