using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Screening;

/// <summary>
/// The eligibility outcome e-mail, in the entry's language (not the reader's UI language), as HTML with a plain-text
/// alternative. It goes to the account that owns the entry and to the contact person when that is another address.
/// Building is kept apart from sending so that the outbox can queue the same message.
/// </summary>
public sealed class EligibilityOutcomeMail(IStringLocalizer<SharedResource> l, IOptions<MailOptions> options)
{
    // Accented letters stay readable in the HTML part; markup characters and control characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Null when neither address is usable (the contact address is typed by the applicant).</summary>
    public MimeMessage? Build(Entry entry, string? ownerEmail)
    {
        var recipients = new[] { ownerEmail, entry.ContactEmail }
            .OfType<string>().Where(ValidationRules.BeAnEmailAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) return null;

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(entry.Language == "fr" ? "fr" : "en");
        try
        {
            var prize = l["Prize.Name"].Value;
            var callTitle = CultureInfo.CurrentUICulture.Name == "fr" ? entry.Call.TitleFr : entry.Call.TitleEn;
            var eligible = entry.Status == EntryStatus.Eligible;
            var body = l[eligible ? "Screening.Mail.Eligible" : "Screening.Mail.Ineligible", entry.Reference ?? "", entry.Title, callTitle].Value;
            var reasonHeading = l[eligible ? "Screening.Mail.Note" : "Screening.Mail.Reason"].Value;
            var footer = l["Mail.Footer", prize].Value;

            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
            foreach (var address in recipients) message.To.Add(MailboxAddress.Parse(address));
            message.Subject = l["Screening.Mail.Subject", prize, entry.Reference ?? ""].Value;
            var reason = entry.ScreeningReason;
            message.Body = new BodyBuilder
            {
                TextBody = $"{l["Screening.Mail.Greeting"]}\n\n{body}\n\n"
                    + (reason is null ? "" : $"{reasonHeading}\n{reason}\n\n")
                    + $"{footer}\n",
                HtmlBody = $"""
                    <!doctype html><html lang="{CultureInfo.CurrentUICulture.Name}"><body style="font-family:sans-serif">
                    <p>{Html.Encode(l["Screening.Mail.Greeting"].Value)}</p>
                    <p>{Html.Encode(body)}</p>
                    {(reason is null ? "" : $"<p><strong>{Html.Encode(reasonHeading)}</strong></p><p>{Html.Encode(reason).Replace("&#xD;&#xA;", "<br>").Replace("&#xA;", "<br>")}</p>")}
                    <p style="color:#555">{Html.Encode(footer)}</p>
                    </body></html>
                    """,
            }.ToMessageBody();
            message.Body.Headers.Replace(HeaderId.ContentLanguage, CultureInfo.CurrentUICulture.Name);
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
