using Microsoft.AspNetCore.Identity;

namespace PreventionPrize.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>"en" or "fr": the language every e-mail to this person is written in.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The last 30-second step whose authenticator code was accepted. A code is single-use: a later sign-in must
    /// present a code from a strictly later step (ASVS 6.5.1), which Identity's default provider does not check.
    /// </summary>
    public long? LastTotpStep { get; set; }

    /// <summary>Set when the person deleted their account: the row stays as a tombstone without personal data.</summary>
    public DateTime? ErasedAtUtc { get; set; }
}
