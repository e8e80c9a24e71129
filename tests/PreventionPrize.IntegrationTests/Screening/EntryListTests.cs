using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Screening;

public sealed class EntryListTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    /// <summary>A call with one entry of each kind the list must tell apart.</summary>
    private async Task<(Call Call, Dictionary<string, Entry> Entries)> CallWithEntriesAsync()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var owner = await app.CreateUserAsync($"applicant-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        EntryBuilder Entry() => new EntryBuilder(app).In(call).OwnedBy(owner);
        var entries = new Dictionary<string, Entry>
        {
            ["plain"] = await Entry().With(e => e.Title = "Plain entry").SaveAsync(),
            ["french"] = await Entry()
                .With(e => { e.Title = "Entrée française"; e.Language = "fr"; e.Eligibility.Country = "BE"; }).SaveAsync(),
            ["late"] = await Entry().Late().With(e => e.Title = "Late entry").SaveAsync(),
            // The summary names the organisation: the identifier check flags it.
            ["named"] = await Entry()
                .With(e => { e.Title = "Named entry"; e.Summary = "Run by Connected Youth Association since 2021."; }).SaveAsync(),
            ["metadata"] = await Entry().With(e => e.Title = "Metadata entry")
                .WithAttachment("report.pdf", "PDF author: Camille Martin").SaveAsync(),
            ["eligible"] = await Entry().WithStatus(EntryStatus.Eligible).With(e => e.Title = "Eligible entry").SaveAsync(),
            ["withdrawn"] = await Entry().WithStatus(EntryStatus.Withdrawn).With(e => e.Title = "Withdrawn entry").SaveAsync(),
            ["draft"] = await Entry().WithStatus(EntryStatus.Draft).With(e => e.Title = "Draft entry").SaveAsync(),
        };
        return (call, entries);
    }

    private static IReadOnlyList<string> Titles(Page page) =>
        page.Document.QuerySelectorAll("table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Counts(Page page) =>
        page.Document.QuerySelectorAll(".counts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());

    [Fact]
    public async Task The_list_counts_by_status_late_and_flagged_and_leaves_drafts_out()
    {
        var (call, entries) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var counts = Counts(page);
        Assert.Equal("7", counts["Applications"]);
        Assert.Equal("5", counts["Submitted"]);
        Assert.Equal("1", counts["Eligible"]);
        Assert.Equal("0", counts["Not eligible"]);
        Assert.Equal("1", counts["Withdrawn"]);
        Assert.Equal("1", counts["Late"]);
        Assert.Equal("2", counts["With warnings"]);
        Assert.Equal("1", counts["Drafts (not yet applications)"]);
        Assert.Equal(7, Titles(page).Count);
        Assert.DoesNotContain("Draft entry", Titles(page));
        Assert.Contains($"href=\"/secretariat/entries/{entries["plain"].Id}\"", page.Html);
        Assert.Contains(entries["plain"].Reference!, page.Text);
    }

    [Theory]
    [InlineData("status=Draft", "Draft entry")]
    [InlineData("status=Eligible", "Eligible entry")]
    [InlineData("status=Withdrawn", "Withdrawn entry")]
    [InlineData("language=fr", "Entrée française")]
    [InlineData("country=BE", "Entrée française")]
    [InlineData("country=be", "Entrée française")]
    [InlineData("flag=Late", "Late entry")]
    [InlineData("flag=IdentifierWarnings", "Named entry")]
    [InlineData("flag=MetadataWarnings", "Metadata entry")]
    public async Task Each_filter_keeps_only_the_matching_entries(string filter, string expectedTitle)
    {
        var (call, _) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?{filter}");

        Assert.Equal([expectedTitle], Titles(page));
        Assert.Contains("Entries matching these filters: 1", page.Text);
    }

    [Fact]
    public async Task Filters_combine_and_the_flagged_filter_takes_both_kinds_of_warning()
    {
        var (call, _) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var flagged = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?flag=Flagged");
        var none = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?flag=Late&language=fr");

        Assert.Equal(["Metadata entry", "Named entry"], Titles(flagged).Order());
        Assert.Empty(Titles(none));
        Assert.Contains("No entry matches these filters.", none.Text);
    }

    [Fact]
    public async Task Entries_sort_by_reference_both_ways_and_the_sorted_column_says_so()
    {
        var (call, entries) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var ascending = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries");
        var descending = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?sort=ReferenceDesc");

        Assert.Equal("Plain entry", Titles(ascending)[0]);
        Assert.Equal("Withdrawn entry", Titles(descending)[0]);
        Assert.Equal(Titles(ascending).Reverse(), Titles(descending));
        Assert.Equal("ascending", ascending.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal("descending", descending.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.NotNull(entries["withdrawn"].Reference);
    }

    [Theory]
    [InlineData("status=NotAStatus&flag=%3Cscript%3E&sort=DROP&page=-4&country=%3Cscript%3E")]
    [InlineData("page=99999999999")]
    [InlineData("language=de&country=ZZZ")]
    public async Task Malformed_filters_are_ignored_never_a_500(string query)
    {
        var (call, _) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?{query}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(Titles(page));
        Assert.DoesNotContain("<script>", page.Html);
    }

    [Fact]
    public async Task The_list_of_an_unknown_call_is_404()
    {
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/calls/NO-SUCH-CALL/entries")).Status);
    }

    [Fact]
    public async Task The_list_pages_by_fifty()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var owner = await app.CreateUserAsync($"applicant-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        for (var i = 0; i < 52; i++) await new EntryBuilder(app).In(call).OwnedBy(owner).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var first = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries");
        var second = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries?page=2");

        Assert.Equal(50, Titles(first).Count);
        Assert.Equal(2, Titles(second).Count);
        Assert.Contains($"{call.Code}-0052", second.Text);
        Assert.Contains("Entries matching these filters: 52", first.Text);
        Assert.NotNull(first.Document.QuerySelector($"nav.pagination a[href='/secretariat/calls/{call.Code}/entries?page=2']"));
    }

    [Fact]
    public async Task The_call_page_links_to_its_entries_and_the_list_reads_in_French()
    {
        var (call, _) = await CallWithEntriesAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var edit = await secretariat.GetAsync($"/secretariat/calls/{call.Code}");
        await secretariat.SwitchLanguageAsync("fr");
        var french = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/entries");

        Assert.NotNull(edit.Document.QuerySelector($"a[href='/secretariat/calls/{call.Code}/entries']"));
        Assert.Equal($"Call {call.Code}", edit.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Candidatures de {call.Code}", french.Text);
        Assert.Equal("1", Counts(french)["Brouillons (pas encore des candidatures)"]);
        Assert.Contains("Belgique", french.Text);
        Assert.Contains("Non éligible", french.Text);
    }
}
