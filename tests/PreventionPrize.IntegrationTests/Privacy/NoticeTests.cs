using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Privacy;

public sealed class NoticeTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task The_privacy_notice_reads_in_english_and_in_french_and_every_page_links_to_it()
    {
        using var visitor = app.NewClient();
        var english = await visitor.GetAsync("/privacy");
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal("Privacy notice", english.Document.QuerySelector("h1")!.TextContent.Trim());
        foreach (var text in new[] { "Data Protection Commissioner", "public interest", "consent", "24 months", "guardian", "blind", "Strasbourg" })
            Assert.Contains(text, english.Text);

        await visitor.SwitchLanguageAsync("fr");
        var french = await visitor.GetAsync("/privacy");
        Assert.Equal("Protection des données personnelles", french.Document.QuerySelector("h1")!.TextContent.Trim());
        foreach (var text in new[] { "Commissaire à la protection des données", "intérêt public", "consentement", "24 mois", "tuteur", "aveugle" })
            Assert.Contains(text, french.Text);

        foreach (var url in new[] { "/", "/winners", "/account/login" })
            Assert.NotNull((await visitor.GetAsync(url)).Document.QuerySelector("footer a[href='/privacy']"));
    }

    [Fact]
    public async Task Registration_and_the_entry_form_link_to_the_notice_where_the_data_is_given()
    {
        using var visitor = app.NewClient();
        Assert.NotNull((await visitor.GetAsync("/account/register")).Document.QuerySelector("main a[href='/privacy']"));
        var (applicant, entry) = await app.ApplicantWithEntryAsync();
        using (applicant)
            Assert.NotNull((await applicant.GetAsync($"/entries/{entry.Id}/edit")).Document.QuerySelector("main a[href='/privacy']"));
    }

    [Fact]
    public async Task A_minor_juror_is_asked_only_for_school_or_youth_organisation_countries_and_languages()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var juror = await app.CreateReadyJurorAsync(call, "Young Juror", m => m.IsMinor = true);
        using var client = app.NewClient();
        await client.SignInAsync(juror.Email);

        var form = await client.GetAsync($"/jury/{call.Code}/profile");
        Assert.Null(form.Document.QuerySelector("textarea[name='EmailDomains']"));
        Assert.Null(form.Document.QuerySelector("input[name='DigitalBehaviours']"));
        Assert.Null(form.Document.QuerySelector("select[name='Organisations[0].Tie']"));
        Assert.Equal(2, form.Document.QuerySelectorAll("input[name$='].Name']").Length);

        // Even a hand-made post cannot store more than the minimal set.
        var saved = await client.SubmitAsync(form, [
            new("Organisations[0].Name", "Lycée Kléber"), new("Organisations[1].Name", "Scouts de Strasbourg"), new("Organisations[2].Name", "Former club"),
            new("Organisations[0].Tie", "BoardMember"), new("Organisations[0].Current", "false"),
            new("EmailDomains", "lycee-kleber.example"), new("DigitalBehaviours", "gaming"), new("ReadsLanguages", "fr"), new("Countries", "FR")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var profile = await app.WithDbAsync(db => db.JuryMembers.AsNoTracking().Where(m => m.Id == juror.Member.Id).Select(m => m.Profile).SingleAsync());
        Assert.Equal(["Lycée Kléber", "Scouts de Strasbourg"], profile.Organisations.Select(o => o.Name));
        Assert.All(profile.Organisations, o => Assert.True(o.Current));
        Assert.Empty(profile.EmailDomains);
        Assert.Empty(profile.DigitalBehaviours);
        Assert.Equal(["FR"], profile.Countries);
    }

    [Fact]
    public async Task A_guardians_consent_is_recorded_as_a_way_and_a_date_never_as_free_text()
    {
        var call = await EntryBuilder.CreateCallAsync(app);
        var juror = await app.CreateReadyJurorAsync(call, "Young Juror", m => m.IsMinor = true);
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        using var secretariat = await app.SignedInAsync(Roles.Secretariat, email);

        var page = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}");
        Assert.Null(page.Document.QuerySelector("input[name='Note']"));
        Assert.Equal(3, page.Document.QuerySelectorAll("input[type=radio][name='Method']").Length);
        var free = await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}/consent", [new("Method", "Mother, Anne Dupont, anne@example.org")]);
        Assert.Contains("Choose one of the listed ways", (await secretariat.GetAsync(free.Location!)).Text);

        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}/consent", [new("Method", "EmailFromGuardian")]);
        var member = await app.WithDbAsync(db => db.JuryMembers.AsNoTracking().SingleAsync(m => m.Id == juror.Member.Id));
        Assert.Equal("EmailFromGuardian", member.GuardianConsentNote);
        Assert.NotNull(member.GuardianConsentAtUtc);
        var shown = await secretariat.GetAsync($"/secretariat/calls/{call.Code}/jury/{juror.Member.Id}");
        Assert.Contains("E-mail from the parent or guardian", shown.Text);
        Assert.Contains($"recorded by {email}", shown.Text);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == "jury.guardianconsent").Select(a => a.Details).ToListAsync()),
            d => d is not null && d.Contains("Dupont"));
    }
}
