using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>Bad input on the juror's own forms comes back with a clear message and everything typed, and saves nothing.</summary>
public sealed class DeclarationInputTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    [Fact]
    public async Task A_relationship_longer_than_allowed_or_without_a_kind_is_refused_with_a_message_and_kept_in_the_form()
    {
        var call = await _given.CallAsync();
        var (juror, client) = await _given.JurorAsync(call);
        var tooLong = new string('x', DeclaredRelationship.WithMaxLength + 1);
        var refused = await client.SubmitAsync($"/jury/{call.Code}/declaration",
            [new("Relationships[0].Kind", "Funding"), new("Relationships[0].With", tooLong), new("Relationships[1].With", "Fondation Santé"),
             new("AcceptsConfidentiality", "true"), new("SignedName", "Ines Okafor")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains($"at most {DeclaredRelationship.WithMaxLength} characters"));
        Assert.Contains(refused.Errors, e => e.Contains("Kind of relationship: this field is required."));
        Assert.Equal("Fondation Santé", refused.ValueOf("Relationships[1].With"));
        Assert.Equal(1, await app.WithDbAsync(db => db.JurorDeclarations.CountAsync(d => d.JuryMemberId == juror.Member.Id)));

        var signed = await client.SubmitAsync($"/jury/{call.Code}/declaration",
            [new("Relationships[0].Kind", "Funding"), new("Relationships[0].With", "Fondation Santé"), new("Relationships[0].Details", "We fund them"),
             new("AcceptsConfidentiality", "true"), new("SignedName", "Ines Okafor")]);
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.JurorDeclarations.CountAsync(d => d.JuryMemberId == juror.Member.Id)));
    }

    [Fact]
    public async Task A_profile_with_a_bad_domain_or_no_language_read_is_refused_and_nothing_is_saved()
    {
        var call = await _given.CallAsync();
        var (juror, client) = await _given.JurorAsync(call);
        var refused = await client.SubmitAsync($"/jury/{call.Code}/profile",
            [new("Organisations[0].Name", "Suchthilfe Wien"), new("EmailDomains", "anna@suchthilfe.at"), new("ReadsLanguages", "")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("without the part before @"));
        Assert.Contains(refused.Errors, e => e.Contains("Choose at least one language you read."));
        Assert.Equal("Suchthilfe Wien", refused.ValueOf("Organisations[0].Name"));
        Assert.Empty(await app.WithDbAsync(db => db.JuryMembers.AsNoTracking().Where(m => m.Id == juror.Member.Id).Select(m => m.Profile.Organisations).SingleAsync()));
    }
}
