namespace PreventionPrize.Core.Jury;

/// <summary>
/// A person on the jury of one call: first an invitation, then (once accepted) a juror linked to an account.
/// The profile and the signed declaration live here too, because they are per call: a juror's organisations
/// and interests are declared for the entries of this edition.
/// </summary>
public sealed class JuryMember
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int NoteMaxLength = 1000;
    public const int MaxListItems = 20;

    public int Id { get; set; }
    public int CallId { get; set; }

    public string Name { get; set; } = "";
    /// <summary>Where the invitation went; lower-case.</summary>
    public string Email { get; set; } = "";
    /// <summary>"en" or "fr": the language of every e-mail to this person about the call.</summary>
    public string Language { get; set; } = "en";

    public InvitationStatus Status { get; set; } = InvitationStatus.Invited;
    /// <summary>SHA-256 of the invitation token (hex); the token itself is only ever in the e-mail.</summary>
    public string? TokenHash { get; set; }
    public DateTime InvitedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RespondedAtUtc { get; set; }
    /// <summary>The account that accepted; null until then.</summary>
    public string? UserId { get; set; }

    /// <summary>Under 18 at the time of the prize: the Secretariat records a guardian's consent before the juror sees entries.</summary>
    public bool IsMinor { get; set; }
    public DateTime? GuardianConsentAtUtc { get; set; }
    public string? GuardianConsentNote { get; set; }

    public JurorProfile Profile { get; set; } = new();
    public DateTime? ProfileUpdatedAtUtc { get; set; }

    public int Version { get; set; }

    public List<JurorDeclaration> Declarations { get; set; } = [];

    public bool NeedsGuardianConsent => IsMinor && GuardianConsentAtUtc is null;

    public void Touch() => Version++;
}

public enum InvitationStatus
{
    Invited,
    Accepted,
    Declined,
    Revoked,
}
