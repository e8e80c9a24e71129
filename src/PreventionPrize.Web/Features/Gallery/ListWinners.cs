using System.Globalization;
using Mediator;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>The public gallery: every published distinction, narrowed by the reader's filters and search.</summary>
public static class ListWinners
{
    public sealed class Query : IQuery<Model>
    {
        public string? Behaviour { get; set; }
        public string? Target { get; set; }
        public string? Country { get; set; }
        public int? Year { get; set; }
        public string? Q { get; set; }
    }

    public sealed record Model(Query Filters, IReadOnlyList<Winner> Winners, IReadOnlyList<int> Years, IReadOnlyList<string> Countries,
        IReadOnlyList<string> Behaviours, IReadOnlyList<string> Targets);

    public sealed class Handler(PublishedWinners published) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var all = await published.AllAsync(ct);
            var shown = all.Where(w => Matches(w, query)).ToList();
            // Offer only values some published winner has: a filter that can only return nothing is noise.
            return new Model(query, shown, all.Select(w => w.Year).Distinct().OrderDescending().ToList(),
                all.SelectMany(w => w.ImplementationCountries).Distinct().ToList(),
                Vocabulary.DigitalBehaviours.Where(b => all.Any(w => w.DigitalBehaviours.Contains(b))).ToList(),
                Vocabulary.TargetGroups.Where(t => all.Any(w => w.TargetGroups.Contains(t))).ToList());
        }

        private static bool Matches(Winner w, Query q) =>
            (string.IsNullOrEmpty(q.Behaviour) || w.DigitalBehaviours.Contains(q.Behaviour))
            && (string.IsNullOrEmpty(q.Target) || w.TargetGroups.Contains(q.Target))
            && (string.IsNullOrEmpty(q.Country) || w.ImplementationCountries.Contains(q.Country))
            && (q.Year is not { } year || w.Year == year)
            && (string.IsNullOrWhiteSpace(q.Q) || Contains(w.Title, q.Q) || Contains(w.Summary, q.Q) || Contains(w.OrganisationName, q.Q));

        /// <summary>"prevention" finds "Prévention": readers type without accents, in either language.</summary>
        private static bool Contains(string text, string search) =>
            CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, search.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
    }

    /// <summary>The countries offered in the filter, by name in the reader's language.</summary>
    public static IEnumerable<(string Code, string Name)> CountryOptions(Model model, CultureInfo culture) =>
        model.Countries.Select(c => (Code: c, Name: Countries.Name(c, culture))).OrderBy(c => c.Name, StringComparer.Create(culture, true));
}
