using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.IntegrationTests.Security;

/// <summary>The production setting: Secretariat and jurors must set up two-factor before anything else.</summary>
public sealed class TwoFactorRequirementTests : IClassFixture<TwoFactorRequirementTests.StrictApp>
{
    public sealed class StrictApp : PrizeAppFactory
    {
        public StrictApp() => Settings["Security:RequireTwoFactor"] = "true";
    }

    private readonly StrictApp _app;

    public TwoFactorRequirementTests(StrictApp app) => _app = app;

    [Theory]
    [InlineData(Roles.Secretariat, "/secretariat/calls")]
    [InlineData(Roles.Juror, "/jury")]
    public async Task Without_two_factor_every_page_leads_to_the_set_up(string role, string rolePage)
    {
        using var client = await _app.SignedInAsync(role);

        foreach (var url in new[] { rolePage, "/", "/account/security", "/entries" })
            Assert.Equal(TwoFactorRequirement.EnrollPath, (await client.GetAsync(url)).Location);
        var setup = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.Contains("requires two-step sign-in", setup.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SwitchLanguageAsync("fr")).Status);
        Assert.Contains("exige la connexion en deux étapes", (await client.GetAsync("/account/two-factor")).Text);
        var styles = await client.Http.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task Once_set_up_the_Secretariat_works_normally_and_signs_in_with_a_code()
    {
        var email = $"strict-sec-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Secretariat);
        using var client = _app.NewClient();
        await client.SignInAsync(email);
        var setup = await client.GetAsync("/account/two-factor");
        var key = setup.Document.QuerySelector("#secret-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var codes = await client.SubmitAsync(setup, [new("Code", TwoFactor.Code(_app, key))], "form#enable-two-factor");
        Assert.Equal(10, codes.Document.QuerySelectorAll(".recovery-codes code").Length);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/secretariat/calls")).Status);

        using var later = _app.NewClient();
        await TwoFactor.SignInAsync(_app, later, email, key);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/secretariat/calls")).Status);
    }

    [Fact]
    public async Task Signing_out_is_allowed_before_the_set_up()
    {
        using var client = await _app.SignedInAsync(Roles.Secretariat);
        var signedOut = await client.PostAsync("/account/logout");
        Assert.Equal("/", signedOut.Location);
        Assert.Contains("/account/login", (await client.GetAsync("/secretariat/calls")).Location);
    }

    [Fact]
    public async Task Applicants_are_offered_two_factor_but_not_forced()
    {
        using var client = await _app.SignedInAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entries")).Status);
        var setup = await client.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.DoesNotContain("requires two-step sign-in", setup.Text);
    }

    [Fact]
    public async Task A_passkey_session_has_its_two_factors_but_the_password_alone_still_leads_to_the_set_up()
    {
        // An applicant who added a passkey, later invited to the jury: no authenticator app set up.
        var email = $"strict-passkey-{Guid.NewGuid():N}@example.org";
        var user = await _app.CreateUserAsync(email, Roles.Applicant);
        using var key = new SoftwarePasskey();
        using (var applicant = _app.NewClient())
        {
            await applicant.SignInAsync(email);
            Assert.Equal("/account/passkeys", (await PasskeyCeremony.RegisterAsync(applicant, key)).Location);
        }
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Juror);
        }

        using var withPasskey = _app.NewClient();
        Assert.Equal("/", (await PasskeyCeremony.UseAsync(withPasskey, key)).Location);
        Assert.Equal(HttpStatusCode.OK, (await withPasskey.GetAsync("/jury")).Status);

        using var withPassword = _app.NewClient();
        await withPassword.SignInAsync(email);
        Assert.Equal(TwoFactorRequirement.EnrollPath, (await withPassword.GetAsync("/jury")).Location);
    }
}
