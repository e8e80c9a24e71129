using MimeKit;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Infrastructure.Outbox;

/// <summary>Turns a stored row into the MIME message that goes on the wire; the same row always gives the same Message-Id.</summary>
public static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage row, MailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = now,
            Subject = row.Subject,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        // MailboxAddress encodes the display name; the name was made one line at enqueue, so CR/LF cannot start a header.
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));
        // RFC 3834: an automatic message, so auto-responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        // Content-* headers belong to the body entity in MimeKit; on the top-level body they read as the message's.
        message.Body.Headers.Replace(HeaderId.ContentLanguage, row.Language);
        return message;
    }
}
