using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>What a platform e-mail says; written by a compose callback that runs in the recipient's language.</summary>
public sealed record MailContent(
    string Subject,
    IReadOnlyList<string> Paragraphs,
    string Footer,
    (string Text, string Url)? Action = null,
    IReadOnlyList<(string Label, string Value)>? Details = null);

/// <summary>
/// Turns <see cref="MailContent"/> into a real MIME message (HTML with a plain-text alternative, the language
/// declared) and hands it to the transport. Addresses go through MailboxAddress, never string concatenation,
/// so CR/LF in user input cannot inject headers; every user-provided value is HTML-encoded.
/// </summary>
public sealed class MailComposer(IMailTransport transport, IOptions<MailOptions> options)
{
    public async Task SendAsync(string to, string language, Func<MailContent> compose, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(language == "fr" ? "fr" : "en");
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        MailContent content;
        try
        {
            content = compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = Text(content), HtmlBody = Html(content, culture.Name) }.ToMessageBody();
        // Content-* headers belong to the body entity in MimeKit; on the top-level body they read as the message's.
        message.Body.Headers.Replace(HeaderId.ContentLanguage, culture.Name);
        await transport.SendAsync(message, ct);
    }

    private static string Text(MailContent content)
    {
        var text = new StringBuilder();
        foreach (var paragraph in content.Paragraphs) text.Append(paragraph).Append("\n\n");
        if (content.Action is { } action) text.Append(action.Text).Append(": ").Append(action.Url).Append("\n\n");
        foreach (var (label, value) in content.Details ?? []) text.Append(label).Append(":\n").Append(value).Append("\n\n");
        return text.Append(content.Footer).Append('\n').ToString();
    }

    /// <summary>Encodes markup but leaves letters as they are, so "é" stays readable in the message source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Html(MailContent content, string language)
    {
        var encode = Encoder;
        var html = new StringBuilder($"<!doctype html><html lang=\"{language}\"><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var paragraph in content.Paragraphs) html.Append("<p>").Append(encode.Encode(paragraph)).Append("</p>");
        if (content.Action is { } action)
            html.Append("<p><a href=\"").Append(encode.Encode(action.Url)).Append("\">").Append(encode.Encode(action.Text)).Append("</a></p>");
        if (content.Details is { Count: > 0 } details)
        {
            html.Append("<dl>");
            foreach (var (label, value) in details)
                html.Append("<dt style=\"font-weight:bold;margin-top:1em\">").Append(encode.Encode(label)).Append("</dt><dd style=\"white-space:pre-line;margin:0\">")
                    .Append(encode.Encode(value)).Append("</dd>");
            html.Append("</dl>");
        }
        return html.Append("<p style=\"color:#555\">").Append(encode.Encode(content.Footer)).Append("</p></body></html>").ToString();
    }
}
