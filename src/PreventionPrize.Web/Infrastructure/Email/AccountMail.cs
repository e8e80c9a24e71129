using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// Builds and sends the account e-mails (confirmation, password reset, "you already have an account") in the
/// recipient's language, as HTML with a plain-text alternative. Addresses go through MailboxAddress, never
/// string concatenation, so CR/LF in user input cannot inject headers.
/// </summary>
public sealed class AccountMail(IMailTransport transport, IStringLocalizer<SharedResource> l, IOptions<MailOptions> options)
{
    public Task SendConfirmationAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Confirm.Subject", "Mail.Confirm.Body", "Mail.Confirm.Action", link, ct);

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Reset.Subject", "Mail.Reset.Body", "Mail.Reset.Action", link, ct);

    public Task SendAlreadyRegisteredAsync(AppUser user, string link, CancellationToken ct) =>
        SendAsync(user, "Mail.Existing.Subject", "Mail.Existing.Body", "Mail.Existing.Action", link, ct);

    private async Task SendAsync(AppUser user, string subjectKey, string bodyKey, string actionKey, string link, CancellationToken ct)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(user.PreferredLanguage == "fr" ? "fr" : "en");
        try
        {
            var prize = l["Prize.Name"].Value;
            var body = l[bodyKey, prize].Value;
            var action = l[actionKey].Value;
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
            message.To.Add(MailboxAddress.Parse(user.Email!));
            message.Subject = l[subjectKey, prize].Value;
            var html = HtmlEncoder.Default;
            message.Body = new BodyBuilder
            {
                TextBody = $"{body}\n\n{action}: {link}\n\n{l["Mail.Footer", prize].Value}\n",
                HtmlBody = $"""
                    <!doctype html><html lang="{CultureInfo.CurrentUICulture.Name}"><body style="font-family:sans-serif">
                    <p>{html.Encode(body)}</p>
                    <p><a href="{html.Encode(link)}">{html.Encode(action)}</a></p>
                    <p style="color:#555">{html.Encode(l["Mail.Footer", prize].Value)}</p>
                    </body></html>
                    """,
            }.ToMessageBody();
            // Content-* headers belong to the body entity in MimeKit; on the top-level body they read as the message's.
            message.Body.Headers.Replace(HeaderId.ContentLanguage, CultureInfo.CurrentUICulture.Name);
            await transport.SendAsync(message, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
