using System.Text;
using System.Xml;
using Mediator;
using Microsoft.Extensions.Localization;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of the published winners, newest ceremony first. Written with XmlWriter rather than
/// System.ServiceModel.Syndication: a dozen elements do not justify a package, and XmlWriter escapes every text.
/// </summary>
public static class WinnersFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public sealed record Query : IQuery<byte[]>;

    public sealed class Handler(PublishedWinners published, PublicLinks links, IStringLocalizer<SharedResource> l) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken ct)
        {
            var winners = await published.AllAsync(ct);
            using var stream = new MemoryStream();
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("feed", AtomNamespace);
                xml.WriteAttributeString("xml", "lang", null, Cultures.Current);
                xml.WriteElementString("id", AtomNamespace, links.Absolute("/winners"));
                xml.WriteElementString("title", AtomNamespace, l["Gallery.FeedTitle"]);
                // With nothing published yet the feed has never changed; the epoch says so without inventing a date.
                xml.WriteElementString("updated", AtomNamespace, Instant(winners.Count == 0 ? DateTime.UnixEpoch : winners.Max(w => w.ReleasedAtUtc)));
                Link(xml, "self", links.Absolute("/winners.atom"));
                Link(xml, "alternate", links.Absolute("/winners"));
                foreach (var w in winners)
                {
                    var url = links.Absolute($"/winners/{Uri.EscapeDataString(w.Reference)}");
                    xml.WriteStartElement("entry", AtomNamespace);
                    xml.WriteElementString("id", AtomNamespace, url);
                    xml.WriteElementString("title", AtomNamespace, $"{l[$"Outcome.{w.Outcome}"]}: {w.Title}");
                    xml.WriteElementString("updated", AtomNamespace, Instant(w.ReleasedAtUtc));
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, w.OrganisationName);
                    xml.WriteEndElement();
                    Link(xml, "alternate", url);
                    xml.WriteElementString("summary", AtomNamespace, w.Summary);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            return stream.ToArray();
        }

        private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        private static void Link(XmlWriter xml, string rel, string href)
        {
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", rel);
            xml.WriteAttributeString("href", href);
            xml.WriteEndElement();
        }
    }
}
