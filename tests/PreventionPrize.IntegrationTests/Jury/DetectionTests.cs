using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.IntegrationTests.Entries;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>Detection runs by itself when the facts change: an entry submitted, a profile saved; and the applicant can declare.</summary>
public sealed class DetectionTests : IAsyncLifetime
{
    private readonly PrizeAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Conflict>> ConflictsAsync(int callId) =>
        _app.WithDbAsync(db => db.Conflicts.AsNoTracking().Where(c => c.CallId == callId).ToListAsync());

    [Fact]
    public async Task An_applicant_declares_a_relationship_with_a_published_juror_who_then_never_sees_the_entry()
    {
        var scenario = new EntryScenario(_app);
        var call = await scenario.OpenCallAsync();
        await _app.OpenRoundForEveryoneAsync(call);
        var juror = await _app.CreateReadyJurorAsync(call, "Lukas Berger");
        var secretariat = await _app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/jury/publish", [new("publish", "true")]);
        Assert.Contains("Lukas Berger", (await _app.NewClient().GetAsync($"/calls/{call.Code}")).Text);

        var (applicant, _) = await scenario.ApplicantAsync();
        var id = await EntryScenario.StartAsync(applicant, call);
        var form = await applicant.GetAsync($"/entries/{id}/edit");
        Assert.Contains("We have a relationship with Lukas Berger", form.Text);
        var values = EntryScenario.Complete().Concat(
        [
            new("JuryRelationships[0].JuryMemberId", juror.Member.Id.ToString()), new("JuryRelationships[0].Declared", "true"),
            new("JuryRelationships[0].Kind", "Advisory"), new("JuryRelationships[0].Reason", "He chaired our steering group"),
        ]);
        var submitted = await applicant.SubmitAsync(form, values, "form.entry-form", $"/entries/{id}/submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);

        var conflict = Assert.Single(await ConflictsAsync(call.Id));
        Assert.Equal((ConflictType.Advisory, ConflictSeverity.Hard, ConflictSource.Applicant, juror.Member.Id),
            (conflict.Type, conflict.Severity, conflict.Source, conflict.JuryMemberId));
        Assert.Equal("He chaired our steering group", conflict.Reason);

        await _app.WithDbAsync(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Eligible)));
        var jurorClient = _app.NewClient();
        await jurorClient.SignInAsync(juror.Email);
        var reference = await _app.WithDbAsync(db => db.Entries.Where(e => e.Id == id).Select(e => e.Reference).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await jurorClient.GetAsync($"/jury/{call.Code}/entries/{reference}")).Status);
        Assert.DoesNotContain(reference!, (await jurorClient.GetAsync($"/jury/{call.Code}")).Html);
    }

    [Fact]
    public async Task A_declared_relationship_needs_a_kind_and_a_reason_before_the_entry_can_be_submitted()
    {
        var scenario = new EntryScenario(_app);
        var call = await scenario.OpenCallAsync();
        var juror = await _app.CreateReadyJurorAsync(call, "Lukas Berger");
        await _app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.JuryPublishedAtUtc, DateTime.UtcNow)));
        var (applicant, _) = await scenario.ApplicantAsync();
        var id = await EntryScenario.StartAsync(applicant, call);
        var values = EntryScenario.Complete().Concat(
            [new("JuryRelationships[0].JuryMemberId", juror.Member.Id.ToString()), new("JuryRelationships[0].Declared", "true")]);
        var refused = await applicant.SubmitAsync($"/entries/{id}/edit", values, "form.entry-form", $"/entries/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("What the relationship is"));
        Assert.Empty(await ConflictsAsync(call.Id));
    }

    [Fact]
    public async Task Saving_a_profile_that_names_an_applicants_organisation_hides_the_entry_at_once()
    {
        var call = await EntryBuilder.CreateCallAsync(_app);
        await _app.OpenRoundForEveryoneAsync(call);
        var entry = await new EntryBuilder(_app).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => e.OrganisationName = "Association Jeunesse et Santé Lyon").SaveAsync();
        var juror = await _app.CreateReadyJurorAsync(call, "Anna Keller");
        var client = _app.NewClient();
        await client.SignInAsync(juror.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/jury/{call.Code}/entries/{entry.Reference}")).Status);

        var saved = await client.SubmitAsync($"/jury/{call.Code}/profile",
            [new("Organisations[0].Name", "Assoc. Jeunesse & Santé Lyon"), new("Organisations[0].Tie", "Volunteer"), new("ReadsLanguages", "en")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/jury/{call.Code}/entries/{entry.Reference}")).Status);
        var conflict = Assert.Single(await ConflictsAsync(call.Id));
        Assert.Equal((ConflictType.SameOrganisation, ConflictSource.Rule), (conflict.Type, conflict.Source));
        var audit = await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "conflict.detected" && a.Subject == $"entry:{entry.Id}").ToListAsync());
        Assert.Contains("SameOrganisation", Assert.Single(audit).Details);
    }

    [Fact]
    public async Task A_later_profile_change_never_withdraws_a_conflict_already_found()
    {
        var call = await EntryBuilder.CreateCallAsync(_app);
        var entry = await new EntryBuilder(_app).In(call).WithStatus(EntryStatus.Eligible).With(e => e.OrganisationName = "Suchthilfe Wien").SaveAsync();
        await _app.OpenRoundForEveryoneAsync(call);
        var juror = await _app.CreateReadyJurorAsync(call, "Anna Keller", m => m.Profile.Organisations.Add(new JurorOrganisation { Name = "Suchthilfe Wien gGmbH" }));
        Assert.Equal(1, await _app.DetectConflictsAsync(call.Id));

        var client = _app.NewClient();
        await client.SignInAsync(juror.Email);
        await client.SubmitAsync($"/jury/{call.Code}/profile", [new("Organisations[0].Name", ""), new("ReadsLanguages", "en")]);

        Assert.True(Assert.Single(await ConflictsAsync(call.Id)).Binding);
        Assert.DoesNotContain("Suchthilfe", (await client.GetAsync($"/jury/{call.Code}/profile")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/jury/{call.Code}/entries/{entry.Reference}")).Status);
        Assert.Equal(0, await _app.DetectConflictsAsync(call.Id));
    }

    [Fact]
    public async Task Changing_the_country_rule_to_ignore_clears_unpinned_country_conflicts_and_to_hard_makes_them_binding()
    {
        var call = await EntryBuilder.CreateCallAsync(_app);
        await new EntryBuilder(_app).In(call).WithStatus(EntryStatus.Eligible).SaveAsync();
        var juror = await _app.CreateReadyJurorAsync(call, "Anna Keller", m => m.Profile.Countries.Add("FR"));
        await _app.DetectConflictsAsync(call.Id);
        var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        Assert.False(Assert.Single(await ConflictsAsync(call.Id)).Binding);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/detect", [new("countryRule", "Hard")]);
        Assert.True(Assert.Single(await ConflictsAsync(call.Id)).Binding);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/detect", [new("countryRule", "Ignore")]);
        Assert.False(Assert.Single(await ConflictsAsync(call.Id)).Active);
        Assert.Contains(await _app.WithDbAsync(db => db.AuditEvents.Select(a => a.Action).ToListAsync()), a => a == "call.countryrule");
    }
}
