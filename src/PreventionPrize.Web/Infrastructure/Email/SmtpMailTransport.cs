using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// Sends through an SMTP server with MailKit (TLS and authentication per configuration), one connection per
/// session, reconnecting when the server drops it. What a failure means depends on when it happened: a reply is
/// the server's answer (4xx: later, 5xx: never); a lost connection before the data went out is safe to retry,
/// after it the server may already have the message.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public IMailSession OpenSession() => new Session(options.Value.Smtp);

    private sealed class Session(SmtpSettings smtp) : IMailSession
    {
        private readonly TrackingSmtpClient _client = new() { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };

        public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    // Our own socket so that Nagle's algorithm is off: SMTP is many small writes each awaiting a reply, and
                    // a held segment waits for the peer's delayed ACK (~40 ms on Linux; see docs/benchmarks.md).
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(_client.Timeout);
                        await socket.ConnectAsync(smtp.Host, smtp.Port, timeout.Token);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                    await _client.ConnectAsync(socket, smtp.Host, smtp.Port, smtp.Security, cancellationToken);
                    if (!string.IsNullOrEmpty(smtp.UserName))
                        await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A server that is down, refuses us or rejects our credentials is not the message's fault: retry later.
                    await DropAsync();
                    var code = (e as SmtpCommandException)?.StatusCode is { } status ? (int)status : (int?)null;
                    return new DeliveryOutcome(DeliveryResult.RetryLater, code, $"connect {smtp.Host}:{smtp.Port}: {e.Message}", CouldNotConnect: true);
                }
            }

            _client.RecipientAccepted = false;
            try
            {
                await _client.SendAsync(message, cancellationToken);
                return DeliveryOutcome.Sent;
            }
            catch (SmtpCommandException e)
            {
                var code = (int)e.StatusCode;
                return new DeliveryOutcome(code is >= 400 and < 500 ? DeliveryResult.RetryLater : DeliveryResult.Failed, code, e.Message);
            }
            catch (Exception e) when (IsConnectionLoss(e, cancellationToken))
            {
                await DropAsync();
                // Once a recipient is accepted the client goes on to DATA: from then on the server may have the message.
                return _client.RecipientAccepted
                    ? new DeliveryOutcome(DeliveryResult.Unknown, Error: $"connection lost after the message data started: {e.Message}")
                    : new DeliveryOutcome(DeliveryResult.RetryLater, Error: $"connection lost before the message data: {e.Message}");
            }
        }

        private static bool IsConnectionLoss(Exception e, CancellationToken ct) =>
            e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested);

        private async Task DropAsync()
        {
            try
            {
                if (_client.IsConnected) await _client.DisconnectAsync(quit: false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
            {
                // Already gone.
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The batch is recorded; a failed QUIT changes nothing.
            }
            _client.Dispose();
        }
    }

    private sealed class TrackingSmtpClient : SmtpClient
    {
        public bool RecipientAccepted { get; set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            RecipientAccepted = true;
            base.OnRecipientAccepted(message, mailbox, response);
        }
    }
}
