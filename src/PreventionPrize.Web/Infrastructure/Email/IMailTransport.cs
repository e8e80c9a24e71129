using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// How a message leaves the platform. The dispatcher opens one session per batch, so the SMTP transport reuses
/// one connection for the whole batch.
/// </summary>
public interface IMailTransport
{
    IMailSession OpenSession();
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends one message and says what became of it; never throws for a delivery problem, only for cancellation.</summary>
    Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public enum DeliveryResult
{
    Sent,

    /// <summary>Temporary: a 4xx reply, or the connection failed before the message data went out. Safe to try again.</summary>
    RetryLater,

    /// <summary>Permanent: a 5xx reply. Trying again would get the same answer.</summary>
    Failed,

    /// <summary>The connection was lost after the message data started: the server may have it. A person decides.</summary>
    Unknown,
}

/// <param name="CouldNotConnect">No connection could be made: the rest of the batch would fail the same way.</param>
public sealed record DeliveryOutcome(DeliveryResult Result, int? SmtpCode = null, string? Error = null, bool CouldNotConnect = false)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryResult.Sent);
}
