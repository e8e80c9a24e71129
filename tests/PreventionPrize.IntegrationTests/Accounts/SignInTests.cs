using System.Net;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Accounts;

public sealed class SignInTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public SignInTests(PrizeAppFactory app) => _app = app;

    [Fact]
    public async Task Signing_in_and_out_changes_what_the_header_shows()
    {
        var email = $"in-out-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        await client.SignInAsync(email);
        Assert.Contains(email, (await client.GetAsync("/")).Html);

        var after = await client.PostAsync("/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.DoesNotContain(email, (await client.GetAsync("/")).Html);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var email = $"known-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        var wrongPassword = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", "not the password at all")]);
        var unknown = await client.SubmitAsync("/account/login", [new("Email", $"nobody-{Guid.NewGuid():N}@example.org"), new("Password", "not the password at all")]);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(wrongPassword.Errors, unknown.Errors);
        Assert.Contains("The e-mail address or password is not correct.", wrongPassword.Errors);
        Assert.Equal(email, wrongPassword.ValueOf("Email"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
            await client.SubmitAsync("/account/login", [new("Email", email), new("Password", $"wrong password {attempt}")]);
        var right = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(right.Errors, e => e.StartsWith("Too many failed attempts"));
        var failures = await _app.WithDbAsync(db => Task.FromResult(db.AuditEvents.Count(a => a.Action == "account.sign-in-failed" && a.Details == "locked out")));
        Assert.True(failures >= 1);
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_address_but_never_to_another_site()
    {
        var email = $"return-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        var local = await client.SubmitAsync("/account/login?returnUrl=%2Fcalls%2Fx", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/calls/x", local.Location);

        using var other = _app.NewClient();
        var evil = await other.SubmitAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        Assert.Equal("/", evil.Location);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = _app.NewClient();
        var response = await client.Http.PostAsync("/account/login",
            new FormUrlEncodedContent([new("Email", "a@example.org"), new("Password", "whatever whatever")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
