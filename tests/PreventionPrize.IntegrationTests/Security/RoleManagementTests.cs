using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Security;

public sealed class RoleManagementTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public RoleManagementTests(PrizeAppFactory app) => _app = app;

    [Fact]
    public async Task The_Secretariat_makes_an_applicant_a_juror_and_it_is_recorded()
    {
        var applicant = await _app.CreateUserAsync($"future-juror-{Guid.NewGuid():N}@example.org", Roles.Applicant);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        var list = await secretariat.GetAsync($"/secretariat/users?search={applicant.Email}");
        Assert.Contains(applicant.Email!, list.Html);
        var done = await secretariat.PostAsync($"/secretariat/users/{applicant.Id}/roles", [new("role", Roles.Juror), new("grant", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.True(await _app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == applicant.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Juror))));
        Assert.True(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "role.granted" && a.Subject == $"user:{applicant.Id}" && a.Details == Roles.Juror)));
    }

    [Fact]
    public async Task Applicant_is_not_a_role_the_users_page_can_grant()
    {
        var someone = await _app.CreateUserAsync($"someone-{Guid.NewGuid():N}@example.org", Roles.Juror);
        using var secretariat = await _app.SignedInAsync(Roles.Secretariat);

        await secretariat.PostAsync($"/secretariat/users/{someone.Id}/roles", [new("role", "Administrator"), new("grant", "true")]);
        var page = await secretariat.GetAsync("/secretariat/users");

        Assert.Contains("This role cannot be granted here.", page.Html);
    }

    [Fact]
    public async Task Nobody_can_remove_their_own_Secretariat_role()
    {
        var email = $"self-{Guid.NewGuid():N}@example.org";
        var me = await _app.CreateUserAsync(email, Roles.Secretariat);
        using var secretariat = _app.NewClient();
        await secretariat.SignInAsync(email);

        await secretariat.PostAsync($"/secretariat/users/{me.Id}/roles", [new("role", Roles.Secretariat), new("grant", "false")]);

        Assert.Contains("You cannot remove your own Secretariat role", (await secretariat.GetAsync("/secretariat/users")).Html);
        Assert.True(await _app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == me.Id)));
    }
}
