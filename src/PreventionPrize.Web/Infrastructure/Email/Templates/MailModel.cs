using System.Globalization;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Time;

namespace PreventionPrize.Web.Infrastructure.Email.Templates;

/// <summary>
/// One kind of e-mail in the catalogue, with the typed data it needs. <see cref="Compose"/> says what the mail
/// says, in blocks; <see cref="MailRenderer"/> turns the blocks into the HTML and plain-text parts.
/// </summary>
public abstract record MailModel
{
    /// <summary>The template key stored on the outbox row, e.g. <c>entry.receipt</c>; <c>MailKind.{Kind}</c> names it in the UI.</summary>
    public abstract string Kind { get; }

    /// <summary>Runs with the recipient's culture as the current UI culture.</summary>
    public abstract MailContent Compose(MailText l);
}

public sealed record MailContent(string Subject, IReadOnlyList<MailBlock> Blocks);

public abstract record MailBlock;

public sealed record Paragraph(string Text) : MailBlock;

/// <summary>The one thing the reader should do next: a button in HTML, a labelled link in text.</summary>
public sealed record ActionLink(string Label, string Url) : MailBlock;

/// <summary>Label–value pairs, e.g. a copy of the answers submitted.</summary>
public sealed record FieldList(string Heading, IReadOnlyList<KeyValuePair<string, string>> Fields) : MailBlock;

/// <summary>Text written by a person (jury feedback, a bulk message), shown as it was written.</summary>
public sealed record Quote(string Heading, string Text) : MailBlock;

/// <summary>The strings of one language, the prize's name, absolute links and dates in Strasbourg time.</summary>
public sealed class MailText(IStringLocalizer localizer, PublicLinks links, CultureInfo dateCulture)
{
    public string this[string key, params object[] args] => localizer[key, args].Value;

    public string Prize => localizer["Prize.Name"].Value;

    public string Link(string pathAndQuery) => links.Absolute(pathAndQuery);

    public string Date(DateTime utc) => Strasbourg.Format(utc, dateCulture);
}
