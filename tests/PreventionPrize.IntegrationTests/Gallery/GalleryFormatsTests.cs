using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PreventionPrize.IntegrationTests.Gallery;

/// <summary>What machines read (schema.org, Atom, CSV as documented) and what people use (filters, search, both languages).</summary>
public sealed class GalleryFormatsTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();
    private DecidedCall _given = null!;

    public async Task InitializeAsync()
    {
        _given = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(1),
            e => e.Summary = "Pupils play </script><script>alert(1)</script> then talk.");
        _app.MoveClockTo(_given.ReleaseAtUtc.AddMinutes(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_winner_page_carries_social_metadata_and_json_ld_that_parses_even_with_a_script_tag_in_the_summary()
    {
        var page = await _app.NewClient().GetAsync($"/winners/{_given.Winner.Reference}");

        var scripts = page.Document.QuerySelectorAll("script[type='application/ld+json']");
        using var json = JsonDocument.Parse(Assert.Single(scripts).TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        Assert.Equal("CreativeWork", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Jouer sans se perdre : Prévention", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("Association Élan", json.RootElement.GetProperty("creator").GetProperty("name").GetString());
        Assert.Contains("First prize", json.RootElement.GetProperty("award").GetString());
        Assert.Equal($"https://localhost/winners/{_given.Winner.Reference}", page.Document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Contains("Prévention", page.Document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.NotNull(page.Document.QuerySelector("meta[name='twitter:card']"));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task The_atom_feed_is_xml_in_the_atom_namespace_with_one_entry_per_published_winner()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await _app.NewClient().Http.GetStringAsync("/winners.atom"));

        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Equal("https://localhost/winners.atom", feed.Root.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entry = Assert.Single(feed.Root.Elements(atom + "entry"));
        Assert.Equal($"https://localhost/winners/{_given.Winner.Reference}", entry.Element(atom + "id")!.Value);
        Assert.Equal(_given.ReleaseAtUtc, DateTime.Parse(entry.Element(atom + "updated")!.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
        Assert.Contains("</script>", entry.Element(atom + "summary")!.Value);
    }

    [Fact]
    public async Task The_csv_header_is_the_field_list_of_the_open_data_documentation_and_the_json_has_the_same_fields()
    {
        var documented = Regex.Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "open-data.md")).Split("## Fields")[1], @"^\| `([a-z_]+)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        var client = _app.NewClient();

        var csv = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync("/winners.csv")).TrimStart('\uFEFF');
        Assert.Equal(string.Join(',', documented), csv.Split("\r\n")[0]);
        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/winners.json"));
        Assert.Equal(documented, Assert.Single(json.RootElement.EnumerateArray()).EnumerateObject().Select(p => p.Name).ToList());
        Assert.Contains("/winners/open-data", (await client.GetAsync("/winners")).Html);
        Assert.Contains("CC BY 4.0", await client.Http.GetStringAsync("/winners/open-data"));
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_list_and_the_count_is_announced()
    {
        var other = await Winners.DecidedAsync(_app, _app.Clock.GetUtcNow().UtcDateTime.AddHours(1), e =>
        {
            e.Title = "Streams without limits"; e.OrganisationName = "Bright Screens"; e.Summary = "Talks about streaming.";
            e.DigitalBehaviours = ["streaming"]; e.TargetGroups = ["teachers"]; e.ImplementationCountries = ["DE"];
        });
        _app.MoveClockTo(other.ReleaseAtUtc);
        var client = _app.NewClient();

        Assert.Equal("Distinctions shown: 2", (await client.GetAsync("/winners")).Document.QuerySelector("[role=status]")!.TextContent);
        foreach (var query in new[] { "behaviour=streaming", "target=teachers", "country=DE", "q=BRIGHT", "q=streams" })
        {
            var page = await client.GetAsync($"/winners?{query}");
            Assert.Equal("Distinctions shown: 1", page.Document.QuerySelector("[role=status]")!.TextContent);
            Assert.Contains("Streams without limits", page.Text);
        }
        Assert.Contains("Jouer sans se perdre", (await client.GetAsync("/winners?q=ELAN")).Text);
        Assert.Contains("Jouer sans se perdre", (await client.GetAsync("/winners?q=prevention")).Text);
        Assert.Contains("Distinctions shown: 0", (await client.GetAsync($"/winners?year={_given.Call.OpensAtUtc.Year - 1}")).Text);
        Assert.NotNull((await client.GetAsync("/winners")).Document.QuerySelector("label[for=behaviour]"));
    }

    [Fact]
    public async Task The_gallery_and_the_winner_page_render_in_french()
    {
        var client = _app.NewClient();
        await client.SwitchLanguageAsync("fr");

        var gallery = await client.GetAsync("/winners");
        Assert.Equal("Lauréats", gallery.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Distinctions affichées : 1", gallery.Text);
        Assert.Contains("Premier prix", (await client.GetAsync($"/winners/{_given.Winner.Reference}")).Text);
        Assert.Equal("Winners", (await _app.NewClient().GetAsync("/")).Document.QuerySelector("nav a[href='/winners']")?.TextContent);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PreventionPrize.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No PreventionPrize.sln above the test binaries");
    }
}
