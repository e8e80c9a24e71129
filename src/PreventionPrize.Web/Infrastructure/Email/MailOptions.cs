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

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
