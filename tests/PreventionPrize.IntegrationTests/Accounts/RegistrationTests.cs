using System.Net;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Accounts;

public sealed class RegistrationTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public RegistrationTests(PrizeAppFactory app) => _app = app;

    private static KeyValuePair<string, string>[] Form(string email, string password, string? confirm = null) =>
        [new("Email", email), new("Password", password), new("ConfirmPassword", confirm ?? password)];

    [Fact]
    public async Task Registering_sends_a_confirmation_link_that_lets_the_new_applicant_sign_in()
    {
        using var client = _app.NewClient();
        var email = $"team-{Guid.NewGuid():N}@example.org";

        var done = await client.SubmitAsync("/account/register", Form(email, TestClient.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Check your e-mail", done.Html);

        // Not confirmed yet: the right password is refused with a clear next step.
        var early = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", TestClient.DefaultPassword)]);
        Assert.Contains(early.Errors, e => e.Contains("confirm your e-mail address first"));

        var message = await _app.Mail.WaitForMessageTo(email);
        Assert.Contains("confirm your e-mail address", message.Subject);
        Assert.NotNull(message.HtmlBody);
        var confirmed = await client.GetAsync(MailFolder.LinkIn(message, "/account/confirm"));
        Assert.Contains("Your e-mail address is confirmed", confirmed.Html);

        await client.SignInAsync(email);
        var home = await client.GetAsync("/");
        Assert.Contains(email, home.Html);
        var user = await _app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.True(user.EmailConfirmed);
        await _app.WithDbAsync(async db =>
        {
            var roles = db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList();
            Assert.Equal([Roles.Applicant], roles);
            return await Task.FromResult(0);
        });
    }

    [Fact]
    public async Task A_French_reader_registers_and_gets_the_confirmation_in_French()
    {
        using var client = _app.NewClient();
        await client.SwitchLanguageAsync("fr");
        var email = $"equipe-{Guid.NewGuid():N}@example.org";

        var done = await client.SubmitAsync("/account/register", Form(email, TestClient.DefaultPassword));

        Assert.Contains("Consultez vos e-mails", done.Html);
        var message = await _app.Mail.WaitForMessageTo(email);
        Assert.Contains("confirmez votre adresse e-mail", message.Subject);
        Assert.Equal("fr", message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
    }

    [Theory]
    [InlineData("not-an-address", "correct horse battery staple", "Enter an e-mail address like name@example.org.")]
    [InlineData("a@b", "correct horse battery staple", "Enter an e-mail address like name@example.org.")]
    [InlineData("x@example.org\r\nBcc: victim@example.org", "correct horse battery staple", "Enter an e-mail address like name@example.org.")]
    [InlineData("short@example.org", "too short", "The password must have at least 12 characters.")]
    [InlineData("", "correct horse battery staple", "E-mail address: this field is required.")]
    public async Task Bad_registration_input_gets_a_clear_message_and_keeps_the_form(string email, string password, string expected)
    {
        using var client = _app.NewClient();

        var page = await client.SubmitAsync("/account/register", Form(email, password));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(email, page.ValueOf("Email"));
    }

    [Fact]
    public async Task Bad_registration_input_is_explained_in_French_to_a_French_reader()
    {
        using var client = _app.NewClient();
        await client.SwitchLanguageAsync("fr");

        var page = await client.SubmitAsync("/account/register", Form("pas-une-adresse", "court"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Saisissez une adresse e-mail du type nom@exemple.org.", page.Errors);
        Assert.Contains(page.Errors, e => e.StartsWith("Le mot de passe doit comporter au moins 12 caractères"));
    }

    [Fact]
    public async Task Passwords_that_differ_are_refused()
    {
        using var client = _app.NewClient();
        var page = await client.SubmitAsync("/account/register", Form($"x-{Guid.NewGuid():N}@example.org", TestClient.DefaultPassword, "something else entirely"));
        Assert.Contains("The two passwords are not the same.", page.Errors);
    }

    [Fact]
    public async Task Registering_an_address_that_exists_reveals_nothing_and_tells_the_owner_instead()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        var page = await client.SubmitAsync("/account/register", Form(email, "another long password"));

        Assert.Contains("Check your e-mail", page.Html);
        Assert.Contains("you already have an account", (await _app.Mail.WaitForMessageTo(email)).Subject);
        Assert.Equal(1, await _app.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused()
    {
        using var client = _app.NewClient();
        var page = await client.GetAsync("/account/confirm?userId=nobody&code=bm90LWEtdG9rZW4");
        Assert.Contains("This link did not work", page.Html);
    }
}
