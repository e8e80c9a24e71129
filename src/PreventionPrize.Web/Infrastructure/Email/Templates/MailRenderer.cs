using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Outbox;

using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Infrastructure.Email.Templates;

public sealed record RenderedMail(string Kind, string Language, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Renders a template in the recipient's language: an HTML part (inline styles only, as mail clients ignore
/// style sheets) and a plain-text part with the same words and links. Every value is HTML-encoded, and the
/// subject is one line, so nothing a user typed can become markup or a header.
/// </summary>
public sealed class MailRenderer(IStringLocalizer<SharedResource> localizer, PublicLinks links)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public RenderedMail Render(MailModel model, string language)
    {
        language = language == "fr" ? "fr" : "en";
        using var _ = Cultures.Use(language);
        var text = new MailText(localizer, links, Cultures.DateCulture);
        var content = model.Compose(text);
        var subject = OneLine(content.Subject, OutboxMessage.SubjectMaxLength);
        var footer = localizer["Mail.Footer", text.Prize].Value;
        var copyLink = localizer["Mail.CopyLink"].Value;
        return new(model.Kind, language, subject, PlainText(content, footer), HtmlPart(content, footer, copyLink, language, subject, text.Prize));
    }

    /// <summary>Control characters (CR, LF, tab…) become spaces: a subject or a name is one line.</summary>
    public static string OneLine(string value, int maxLength)
    {
        var cleaned = string.Join(' ', new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }

    private static string PlainText(MailContent content, string footer)
    {
        var text = new StringBuilder();
        foreach (var block in content.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    text.Append(p.Text).Append("\n\n");
                    break;
                case ActionLink a:
                    text.Append(a.Label).Append(":\n").Append(a.Url).Append("\n\n");
                    break;
                case FieldList f:
                    text.Append(f.Heading).Append('\n').Append(new string('=', f.Heading.Length)).Append('\n');
                    foreach (var (label, value) in f.Fields) text.Append(label).Append(":\n").Append(value.Trim()).Append("\n\n");
                    break;
                case Quote q:
                    text.Append(q.Heading).Append('\n');
                    foreach (var line in q.Text.Replace("\r\n", "\n").Split('\n')) text.Append("> ").Append(line).Append('\n');
                    text.Append('\n');
                    break;
            }
        }
        return text.Append("-- \n").Append(footer).Append('\n').ToString();
    }

    private static string HtmlPart(MailContent content, string footer, string copyLink, string language, string subject, string prize)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px\">")
            .Append($"<p style=\"margin-top:0;font-weight:bold;color:#003b73\">{E(prize)}</p>");
        foreach (var block in content.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    html.Append($"<p>{Lines(p.Text)}</p>");
                    break;
                case ActionLink a:
                    html.Append($"<p><a href=\"{E(a.Url)}\" style=\"display:inline-block;background:#003b73;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">{E(a.Label)}</a></p>")
                        .Append($"<p style=\"font-size:13px;color:#555555\">{E(copyLink)}<br>{E(a.Url)}</p>");
                    break;
                case FieldList f:
                    html.Append($"<h2 style=\"font-size:16px\">{E(f.Heading)}</h2><table style=\"border-collapse:collapse;width:100%\">");
                    foreach (var (label, value) in f.Fields)
                        html.Append($"<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:6px 12px 6px 0;border-top:1px solid #dddddd\">{E(label)}</th>")
                            .Append($"<td style=\"padding:6px 0;border-top:1px solid #dddddd\">{Lines(value.Trim())}</td></tr>");
                    html.Append("</table>");
                    break;
                case Quote q:
                    html.Append($"<h2 style=\"font-size:16px\">{E(q.Heading)}</h2>")
                        .Append($"<blockquote style=\"margin:0;padding:0 12px;border-left:4px solid #cccccc\">{Lines(q.Text)}</blockquote>");
                    break;
            }
        }
        return html.Append($"<hr style=\"border:0;border-top:1px solid #dddddd\"><p style=\"font-size:13px;color:#555555\">{E(footer)}</p>")
            .Append("</div></body></html>").ToString();
    }

    private static string E(string value) => Html.Encode(value);

    private static string Lines(string value) => string.Join("<br>", value.Replace("\r\n", "\n").Split('\n').Select(E));
}
