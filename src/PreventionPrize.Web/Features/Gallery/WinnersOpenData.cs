using System.Globalization;
using System.Text.Json;
using Mediator;
using PreventionPrize.Web.Infrastructure.Csv;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>
/// The published winners as open data (CC BY 4.0), in JSON and CSV with the same fields, documented in
/// docs/open-data.md. Codes rather than labels (outcome, behaviours, countries), so the data reads the same in any language.
/// </summary>
public static class WinnersOpenData
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "reference", "call_code", "year", "released_at", "outcome", "title", "organisation", "country", "summary",
        "digital_behaviours", "target_groups", "implementation_countries", "rationale", "url",
    ];

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Reference, string CallCode, int Year, string ReleasedAt, string Outcome, string Title, string Organisation,
        string Country, string Summary, IReadOnlyList<string> DigitalBehaviours, IReadOnlyList<string> TargetGroups,
        IReadOnlyList<string> ImplementationCountries, string Rationale, string Url);

    public sealed class Handler(PublishedWinners published, PublicLinks links) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken ct) =>
            (await published.AllAsync(ct)).Select(w => new Row(w.Reference, w.CallCode, w.Year,
                DateTime.SpecifyKind(w.ReleasedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                w.Outcome.ToString(), w.Title, w.OrganisationName, w.Country, w.Summary, w.DigitalBehaviours, w.TargetGroups,
                w.ImplementationCountries, w.Rationale, links.Absolute($"/winners/{Uri.EscapeDataString(w.Reference)}"))).ToList();
    }

    /// <summary>snake_case names, the same as the CSV header.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Lists joined with ";" in one cell: no field's codes contain it.</summary>
    public static byte[] Csv(IReadOnlyList<Row> rows)
    {
        var csv = new CsvWriter().Row(Fields);
        foreach (var r in rows)
            csv.Row(r.Reference, r.CallCode, r.Year.ToString(CultureInfo.InvariantCulture), r.ReleasedAt, r.Outcome, r.Title, r.Organisation,
                r.Country, r.Summary, string.Join(';', r.DigitalBehaviours), string.Join(';', r.TargetGroups),
                string.Join(';', r.ImplementationCountries), r.Rationale, r.Url);
        return csv.ToUtf8WithBom();
    }
}
