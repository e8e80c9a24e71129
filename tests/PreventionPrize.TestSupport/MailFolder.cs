using System.Text.RegularExpressions;
using MimeKit;

namespace PreventionPrize.TestSupport;

/// <summary>Reads the .eml files the app's folder transport wrote, as real MIME messages.</summary>
public sealed partial class MailFolder(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(Path)
            ? Directory.GetFiles(Path, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The last message to <paramref name="address"/> already delivered.</summary>
    public MimeMessage LastTo(string address) =>
        To(address).LastOrDefault() ?? throw new InvalidOperationException($"No message to {address} in {Path}");

    /// <summary>
    /// Mail is queued with the change that causes it and delivered by the background dispatcher a moment later:
    /// waits (polling, up to <paramref name="timeout"/>) until <paramref name="count"/> messages to the address are
    /// in the folder, and returns the last.
    /// </summary>
    public async Task<MimeMessage> WaitForMessageTo(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count) return messages[^1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{messages.Count} of {count} message(s) to {address} arrived in {Path}");
            await Task.Delay(25);
        }
    }

    /// <summary>The first link in the plain-text part whose path starts with <paramref name="pathPrefix"/>, made relative.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The message has no plain-text part");
        var match = Link().Matches(text).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link to {pathPrefix} in: {text}");
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
