using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>
/// Who declared, found, confirmed, cleared or stepped away, and when, is in the audit trail; and only the
/// Secretariat moves a conflict, in one direction for hard ones: a hard or pinned conflict is never cleared.
/// </summary>
public sealed class ConflictAuditTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    [Fact]
    public async Task Every_declaration_detection_pin_clear_and_recusal_is_in_the_audit_trail()
    {
        var call = await _given.CallAsync();
        var employer = await _given.EntryAsync(call, change: e => e.Eligibility.Country = "DE");
        var funded = await _given.EntryAsync(call, change: e => (e.OrganisationName, e.Eligibility.Country) = ("Digital Wellbeing Network", "DE"));
        var neighbour = await _given.EntryAsync(call, change: e => (e.OrganisationName, e.Eligibility.Country) = ("Open Minds Collective", "FR"));
        var alsoNeighbour = await _given.EntryAsync(call, change: e => (e.OrganisationName, e.Eligibility.Country) = ("Safe Play Lab", "FR"));
        var (juror, client) = await _given.JurorAsync(call, configure: m =>
        {
            (m.ProfileUpdatedAtUtc, m.Profile) = (null, new JurorProfile());
            m.Declarations.Clear();
        });

        // The juror's own pages run detection: the profile names the employer and a country, the declaration a funder.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/jury/{call.Code}/profile",
            [new("Organisations[0].Name", employer.OrganisationName), new("Countries", "FR"), new("ReadsLanguages", "en")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/jury/{call.Code}/declaration",
            [new("Relationships[0].Kind", "Funding"), new("Relationships[0].With", "Digital Wellbeing Network"), new("Relationships[0].Details", "We fund their pilot"),
             new("AcceptsConfidentiality", "true"), new("SignedName", "Ines Okafor")])).Status);
        var conflicts = await ConflictsOf(juror.Member.Id);
        var soft = conflicts.Where(c => c.Type == ConflictType.SameCountry).ToDictionary(c => c.EntryId);
        Assert.Equal([neighbour.Id, alsoNeighbour.Id], soft.Keys.Order());

        using var secretariat = await _given.SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PinAsync(secretariat, call, soft[neighbour.Id].Id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ClearAsync(secretariat, call, soft[alsoNeighbour.Id].Id, "Lives in Lyon, the project is in Lille")).Status);
        await JuryScenario.RecuseAsync(client, call, alsoNeighbour, "PreviousApplication", "I applied with them in 2022.");

        var trail = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var declaration = Assert.Single(trail, a => a.Action == "juror.declaration" && a.Subject == $"juror:{juror.Member.Id}");
        Assert.Contains("Funding", declaration.Details);
        Assert.DoesNotContain("Digital Wellbeing Network", declaration.Details); // names stay out of the audit trail
        Assert.Equal(juror.User.Id, declaration.ActorId);
        Assert.Contains(trail, a => a.Action == "conflict.detected" && a.Subject == $"entry:{employer.Id}" && a.Details!.Contains("SameOrganisation Hard Rule"));
        Assert.Contains(trail, a => a.Action == "conflict.detected" && a.Subject == $"entry:{funded.Id}" && a.Details!.Contains("Funding Hard Juror"));
        Assert.Contains(trail, a => a.Action == "conflict.detected" && a.Subject == $"entry:{neighbour.Id}" && a.Details!.Contains("SameCountry Soft Rule"));
        Assert.Contains(trail, a => a.Action == "conflict.pinned" && a.Subject == $"entry:{neighbour.Id}" && a.ActorId != null);
        // The reason is kept on the conflict (erasable), not in the append-only trail.
        Assert.Contains(trail, a => a.Action == "conflict.cleared" && a.Subject == $"entry:{alsoNeighbour.Id}" && a.Details == $"juror:{juror.Member.Id} SameCountry");
        Assert.DoesNotContain(trail, a => a.Details?.Contains("Lives in Lyon") == true);
        Assert.Contains(trail, a => a.Action == "juror.recused" && a.Subject == $"entry:{alsoNeighbour.Id}" && a.ActorId == juror.User.Id);
        Assert.Equal(conflicts.Count, trail.Count(a => a.Action == "conflict.detected" && a.Details!.StartsWith($"juror:{juror.Member.Id} ")));
    }

    [Fact]
    public async Task Clearing_a_hard_conflict_is_refused_with_a_message_and_changes_nothing()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.ConflictedJurorAsync(call, entry);
        var hard = Assert.Single(await ConflictsOf(juror.Member.Id), c => c.Severity == ConflictSeverity.Hard);
        using var secretariat = await _given.SecretariatAsync();

        var cleared = await ClearAsync(secretariat, call, hard.Id, "They left that organisation");

        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        var page = await secretariat.GetAsync(cleared.Location!);
        Assert.Contains("A hard or confirmed conflict cannot be cleared.", page.Document.QuerySelector(".flash-error")?.TextContent);
        Assert.Null(page.Document.QuerySelector($"form[action='/secretariat/calls/{call.Code}/conflicts/{hard.Id}/clear']"));
        Assert.True((await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.Id == hard.Id))).Binding);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "conflict.cleared" && a.Subject == $"entry:{entry.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
    }

    [Fact]
    public async Task Pinning_a_soft_conflict_makes_it_binding_so_the_juror_loses_the_entry_for_good()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, client) = await _given.JurorAsync(call, configure: m => m.Profile.Countries = [entry.Eligibility.Country]);
        await app.DetectConflictsAsync(call.Id);
        var soft = Assert.Single(await ConflictsOf(juror.Member.Id));
        Assert.Equal((ConflictType.SameCountry, ConflictSeverity.Soft), (soft.Type, soft.Severity));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        using var secretariat = await _given.SecretariatAsync();

        var pinned = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/conflicts", [], $"form[action='/secretariat/calls/{call.Code}/conflicts/{soft.Id}/pin']");

        Assert.Equal(HttpStatusCode.Redirect, pinned.Status);
        Assert.True((await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.Id == soft.Id))).Binding);
        Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "conflict.pinned" && a.Subject == $"entry:{entry.Id}").ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
        Assert.Empty(JuryScenario.ListedReferences(await client.GetAsync($"/jury/{call.Code}"), call));

        // Pinned means confirmed: neither clearing it nor a change of the call's country rule lets the juror back.
        var clear = await ClearAsync(secretariat, call, soft.Id, "Changed my mind");
        Assert.Contains("A hard or confirmed conflict cannot be cleared.", (await secretariat.GetAsync(clear.Location!)).Document.QuerySelector(".flash-error")?.TextContent);
        await secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/detect", [new("countryRule", nameof(CountryConflictRule.Ignore))]);
        Assert.True((await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.Id == soft.Id))).Binding);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(JuryScenario.EntryUrl(call, entry))).Status);
    }

    [Fact]
    public async Task Clearing_a_soft_conflict_needs_a_reason_and_keeps_the_row_with_who_and_why()
    {
        var call = await _given.CallAsync();
        var entry = await _given.EntryAsync(call);
        var (juror, _) = await _given.JurorAsync(call, configure: m => m.Profile.Countries = [entry.Eligibility.Country]);
        await app.DetectConflictsAsync(call.Id);
        var soft = Assert.Single(await ConflictsOf(juror.Member.Id));
        using var secretariat = await _given.SecretariatAsync();

        var refused = await ClearAsync(secretariat, call, soft.Id, "");
        Assert.NotNull((await secretariat.GetAsync(refused.Location!)).Document.QuerySelector(".flash-error"));
        Assert.True((await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.Id == soft.Id))).Active);

        await ClearAsync(secretariat, call, soft.Id, "Different regions of a large country");
        var row = await app.WithDbAsync(db => db.Conflicts.SingleAsync(c => c.Id == soft.Id));
        Assert.False(row.Active);
        Assert.Equal("Different regions of a large country", row.ClearReason);
        Assert.NotNull(row.ClearedById);
        var audit = Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "conflict.cleared" && a.Subject == $"entry:{entry.Id}").ToListAsync()));
        Assert.Equal(row.ClearedById, audit.ActorId);
    }

    private Task<List<Conflict>> ConflictsOf(int memberId) =>
        app.WithDbAsync(db => db.Conflicts.AsNoTracking().Where(c => c.JuryMemberId == memberId).OrderBy(c => c.Id).ToListAsync());

    private static Task<Page> PinAsync(TestClient secretariat, Call call, int conflictId) =>
        secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/{conflictId}/pin");

    private static Task<Page> ClearAsync(TestClient secretariat, Call call, int conflictId, string reason) =>
        secretariat.PostAsync($"/secretariat/calls/{call.Code}/conflicts/{conflictId}/clear", [new("Reason", reason)]);
}
