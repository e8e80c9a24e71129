using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.IntegrationTests.Accounts;

public sealed class PasswordResetTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public PasswordResetTests(PrizeAppFactory app) => _app = app;

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_e_mailed_link()
    {
        var email = $"forgot-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();

        var sent = await client.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        Assert.Contains("a link to reset the password is on its way", sent.Html);

        var link = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(email), "/account/reset-password");
        const string newPassword = "a brand new passphrase for the prize";
        var reset = await client.SubmitAsync(link, [new("Password", newPassword), new("ConfirmPassword", newPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.NewClient().SignInAsync(email));
        await _app.NewClient().SignInAsync(email, newPassword);

        // The link is single-use: the security stamp changed with the password.
        var again = await client.SubmitAsync(link, [new("Password", "yet another long passphrase"), new("ConfirmPassword", "yet another long passphrase")]);
        Assert.Contains(again.Errors, e => e.StartsWith("This reset link is not valid or has expired"));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var email = $"ghost-{Guid.NewGuid():N}@example.org";
        using var client = _app.NewClient();

        var sent = await client.SubmitAsync("/account/forgot-password", [new("Email", email)]);

        Assert.Contains("a link to reset the password is on its way", sent.Html);
        // Nothing was even queued, so nothing can arrive later.
        Assert.False(await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)));
        Assert.Empty(_app.Mail.To(email));
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        var email = $"late-{Guid.NewGuid():N}@example.org";
        await _app.CreateUserAsync(email, Roles.Applicant);
        using var client = _app.NewClient();
        await client.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        var link = MailFolder.LinkIn(await _app.Mail.WaitForMessageTo(email), "/account/reset-password");

        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        var reset = await client.SubmitAsync(link, [new("Password", "too late for this passphrase"), new("ConfirmPassword", "too late for this passphrase")]);

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains(reset.Errors, e => e.StartsWith("This reset link is not valid or has expired"));
    }
}
