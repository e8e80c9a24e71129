using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// The one way a message leaves the platform. Today account mails are sent directly; the outbox (its own
/// issue) will call the same interface from its dispatcher.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
