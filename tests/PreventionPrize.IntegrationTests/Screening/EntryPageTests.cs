using System.Net;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Screening;

public sealed class EntryPageTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    [Fact]
    public async Task The_Secretariat_sees_identity_team_practice_files_and_versions()
    {
        var entry = await new EntryBuilder(app).WithAttachment("evidence.pdf", "PDF author: Camille Martin").SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Entry {entry.Reference}", page.Document.QuerySelector("h1")!.TextContent);
        foreach (var identity in new[] { "Connected Youth Association", "Non-governmental organisation", "Camille Martin", entry.ContactEmail, "Yusuf Demir", "yusuf@example.org", "Youth lead" })
            Assert.Contains(identity, page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://connected-youth.example.org']"));
        foreach (var practice in new[] { "Peer mentors for screen time", "Gaming, Social media", "Adolescents (12–17), Parents and families", "France, Belgium", "1 September 2024", "Ongoing" })
            Assert.Contains(practice, page.Text);
        var attachment = entry.Attachments.Single();
        Assert.NotNull(page.Document.QuerySelector($"a[href='/entries/{entry.Id}/attachments/{attachment.Id}']"));
        Assert.Contains("PDF author: Camille Martin", page.Text);
        Assert.Contains("47 KB", page.Text);
        var version = page.Document.QuerySelector("section[aria-labelledby='versions-heading'] tbody tr")!;
        Assert.Equal("1", version.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("No", version.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public async Task The_checklist_recomputes_the_eligibility_rules_against_the_call()
    {
        var entry = await new EntryBuilder(app).With(e =>
        {
            e.Eligibility.YouthActivelyInvolved = false;
            e.Eligibility.ProjectState = ProjectState.Finished;
            e.Eligibility.FinishedOn = new DateOnly(2001, 1, 1);
            e.Eligibility.Country = "US";
        }).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        var checklist = page.Document.QuerySelectorAll(".checklist li").Select(li => (Met: li.ClassList.Contains("met"), Text: li.TextContent)).ToList();
        Assert.Equal([true, false, false, false], checklist.Select(c => c.Met));
        Assert.Contains("young people under 25 are not actively involved", checklist[1].Text);
        Assert.Contains("the earliest end date this call accepts", checklist[2].Text);
        Assert.Contains("not in this call's list of eligible countries", checklist[3].Text);
        Assert.Contains("United States (US)", page.Text);
        Assert.Contains("1 January 2001", page.Text);
    }

    [Fact]
    public async Task Identifier_warnings_are_explained_by_field_and_kind()
    {
        var entry = await new EntryBuilder(app).With(e =>
        {
            e.Summary = "Write to camille@connected-youth.example.org or follow @connectedyouth.";
            e.Title = "The Connected Youth Association project";
        }).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        var warnings = page.Document.QuerySelectorAll(".warnings li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Title: contains the name of the organisation, the contact person or a team member", warnings);
        Assert.Contains("Summary: contains an e-mail address", warnings);
        Assert.Contains("Summary: contains a social-media handle (@name)", warnings);
        Assert.Equal(entry.IdentifierWarnings.Count, warnings.Count);
    }

    [Fact]
    public async Task Hostile_applicant_text_is_shown_as_text_and_a_javascript_website_is_not_a_link()
    {
        var entry = await new EntryBuilder(app).With(e =>
        {
            e.Title = "<script>alert('title')</script>";
            e.OrganisationName = "<img src=x onerror=alert(1)>";
            e.Website = "javascript:alert(document.cookie)";
            e.Description = "Line one\n<b>not bold</b>";
        }).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.DoesNotContain("<img src=x", page.Html);
        Assert.DoesNotContain("<b>not bold", page.Html);
        Assert.Contains("<script>alert('title')</script>", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("a[href^='javascript']"));
        Assert.Contains("javascript:alert(document.cookie)", page.Text);
    }

    [Fact]
    public async Task A_draft_is_shown_without_a_decision_form_and_an_unknown_entry_is_404()
    {
        var draft = await new EntryBuilder(app).WithStatus(EntryStatus.Draft).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);

        var page = await secretariat.GetAsync($"/secretariat/entries/{draft.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Draft entry #{draft.Id}", page.Text);
        Assert.Null(page.Document.QuerySelector("form[action$='/screen']"));
        Assert.Contains("only a submitted entry can be screened", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/entries/987654321")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/secretariat/entries/abc")).Status);
    }

    [Fact]
    public async Task The_entry_page_reads_in_French_with_the_decision_as_a_labelled_group()
    {
        var entry = await new EntryBuilder(app).SaveAsync();
        using var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.SwitchLanguageAsync("fr");

        var page = await secretariat.GetAsync($"/secretariat/entries/{entry.Id}");

        Assert.Contains($"Candidature {entry.Reference}", page.Text);
        Assert.Contains("Organisation non gouvernementale", page.Text);
        Assert.Contains("Jeux vidéo, Réseaux sociaux", page.Text);
        var fieldset = page.Document.QuerySelector("form[action$='/screen'] fieldset")!;
        Assert.Equal("Cette candidature est-elle éligible ?", fieldset.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal(2, fieldset.QuerySelectorAll("label input[type=radio][name=Decision]").Length);
        Assert.NotNull(page.Document.QuerySelector("label[for=Reason]"));
    }
}
