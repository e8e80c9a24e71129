using MimeKit;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email.Templates;

namespace PreventionPrize.IntegrationTests.Outbox;

/// <summary>The dispatcher against a real SMTP server in the test process, read back as MIME.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task A_French_mail_arrives_with_both_parts_in_French_and_the_Message_Id_fixed_at_enqueue()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var to = (await app.QueueAsync(1, "fr", model: new ConfirmAccountMail("/account/confirm?userId=u1&code=c1"))).Single();
        var row = await app.MailToAsync(to);

        var report = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(1, report.Sent);
        var received = Assert.Single(smtp.Received);
        Assert.Equal([to], received.Recipients);
        var message = received.Message;
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("Digital Prevention Prize", message.From.Mailboxes.Single().Name);
        Assert.Equal(to, message.To.Mailboxes.Single().Address);
        Assert.Contains("confirmez votre adresse e-mail", message.Subject);
        Assert.Equal("fr", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Contains("Bienvenue", message.TextBody);
        Assert.Contains("https://prize.example.org/account/confirm?userId=u1&code=c1", message.TextBody);
        Assert.Contains("<html lang=\"fr\">", message.HtmlBody);
        Assert.Contains("href=\"https://prize.example.org/account/confirm?userId=u1&amp;code=c1\"", message.HtmlBody);
        var sent = await app.MailToAsync(to);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LeaseUntilUtc);
        Assert.NotNull(sent.SentAtUtc);
    }

    [Fact]
    public async Task A_display_name_with_CR_LF_cannot_add_a_header_or_a_recipient()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        var to = (await app.QueueAsync(1, name: "Eve\r\nBcc: victim@example.org\r\nSubject: forged")).Single();

        await app.Dispatcher().RunOnceAsync();

        var received = Assert.Single(smtp.Received);
        Assert.Equal([to], received.Recipients);
        Assert.Empty(received.Message.Bcc);
        Assert.Single(received.Message.Headers, h => h.Id == HeaderId.Subject);
        Assert.DoesNotContain("forged", received.Message.Subject);
        var name = received.Message.To.Mailboxes.Single().Name ?? "";
        Assert.DoesNotContain('\r', name);
        Assert.DoesNotContain('\n', name);
        Assert.DoesNotContain("\nBcc:", System.Text.Encoding.ASCII.GetString(received.Raw), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_batch_of_mails_goes_over_one_SMTP_connection()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = OutboxApps.Smtp(smtp.Port);
        await app.QueueAsync(20);

        var report = await app.Dispatcher().RunOnceAsync();

        Assert.Equal(20, report.Sent);
        Assert.Equal(20, smtp.Received.Count);
        Assert.Single(smtp.Received.Select(m => m.Session).Distinct());
        Assert.Equal(20, smtp.Received.Select(m => m.Message.MessageId).Distinct().Count());
    }
}
