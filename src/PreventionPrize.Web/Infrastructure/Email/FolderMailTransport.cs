using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>Writes each message as an .eml file, so the app runs without a mail server and tests read real MIME.</summary>
public sealed class FolderMailTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    private static long _sequence;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        // Names sort in sending order, even when the clock stands still (tests) or two mails share a millisecond.
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff");
        var path = Path.Combine(Folder, $"{stamp}-{Interlocked.Increment(ref _sequence):D8}-{Guid.NewGuid():N}.eml");
        // Write to a temporary name first so a reader never sees half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
    }
}
