using MailKit.Security;

namespace PreventionPrize.Web.Infrastructure.Email;

public enum MailTransportKind { Folder, Smtp }

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public MailTransportKind Transport { get; set; } = MailTransportKind.Folder;

    /// <summary>Where the folder transport writes one <c>.eml</c> file per message; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string FromName { get; set; } = "Digital Prevention Prize";
    public string FromAddress { get; set; } = "no-reply@prevention-prize.local";

    /// <summary>The right-hand side of every Message-Id; the sender's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public DispatcherSettings Dispatcher { get; set; } = new();

    public string EffectiveMessageIdDomain =>
        !string.IsNullOrWhiteSpace(MessageIdDomain) ? MessageIdDomain.Trim()
        : FromAddress.Contains('@') ? FromAddress[(FromAddress.LastIndexOf('@') + 1)..] : "prevention-prize.local";
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>How long to wait for the server on any one command before the connection counts as lost.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>The <c>Mail:Dispatcher</c> section: how the outbox is drained.</summary>
public sealed class DispatcherSettings
{
    /// <summary>Off on an instance that should only enqueue (or in a test that drives passes itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mails claimed and sent over one connection per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Attempts before a temporarily failing mail is given up as Failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry's delay; each further one doubles, with jitter, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long a claim (or one send) may take before another instance may take the mail over.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often the outbox is looked at when nothing signals new mail (retries due, other instances' mail).</summary>
    public int PollSeconds { get; set; } = 30;
}
