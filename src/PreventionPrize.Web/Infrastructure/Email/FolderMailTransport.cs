using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>Writes each message as an .eml file, so the app runs without a mail server and tests read real MIME.</summary>
public sealed class FolderMailTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    private TimeProvider Clock { get; } = clock;

    private static long _sequence;

    public IMailSession OpenSession() => new Session(this);

    private sealed class Session(FolderMailTransport transport) : IMailSession
    {
        public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                Directory.CreateDirectory(transport.Folder);
                var stamp = transport.Clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff");
                // Names sort in sending order, even when the clock stands still (tests) or two mails share a millisecond.
                var path = Path.Combine(transport.Folder, $"{stamp}-{Interlocked.Increment(ref _sequence):D8}-{Guid.NewGuid():N}.eml");
                // Write to a temporary name first so a reader never sees half a message.
                var partial = path + ".partial";
                await message.WriteToAsync(partial, cancellationToken);
                File.Move(partial, path);
                return DeliveryOutcome.Sent;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new DeliveryOutcome(DeliveryResult.RetryLater, Error: e.Message);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
