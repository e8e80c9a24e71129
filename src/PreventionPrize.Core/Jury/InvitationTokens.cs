using System.Security.Cryptography;
using System.Text;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// Invitation links carry 256 random bits; the database keeps only their SHA-256, so a copy of the database
/// (a backup, an export) cannot be used to accept someone else's invitation.
/// </summary>
public static class InvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
