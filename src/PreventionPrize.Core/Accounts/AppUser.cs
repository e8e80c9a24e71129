using Microsoft.AspNetCore.Identity;

namespace PreventionPrize.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>"en" or "fr": the language every e-mail to this person is written in.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public DateTime CreatedAtUtc { get; set; }
}
