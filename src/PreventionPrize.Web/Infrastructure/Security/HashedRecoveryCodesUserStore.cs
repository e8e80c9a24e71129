using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Identity's store keeps recovery codes as they were shown, in clear, in <c>AspNetUserTokens</c>: anyone who reads
/// the database could pass the second factor. Here each code is kept as a salted PBKDF2 hash (ASVS 6.5.2, lookup
/// secrets stored hashed); the person sees the codes once, when they are made, and a code is checked against the
/// hashes. Redeeming removes the matching hash, so a code still works once. Codes are stored in the same token row
/// (Identity's own format, one entry per code separated by ';'), so counting them needs nothing more.
/// </summary>
public sealed class HashedRecoveryCodesUserStore(PrizeDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, PrizeDbContext>(context, describer)
{
    private const string LoginProvider = "[AspNetUserStore]";
    private const string TokenName = "RecoveryCodes";
    private const int Iterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetTokenAsync(user, LoginProvider, TokenName, cancellationToken) ?? "";
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Every hash is checked, not only until a match: the time taken says nothing about which code matched.
        var matched = hashes.Where(h => Matches(h, code)).ToList();
        if (matched.Count == 0) return false;
        hashes.Remove(matched[0]);
        await base.ReplaceCodesAsync(user, hashes, cancellationToken);
        return true;
    }

    private static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Convert.ToBase64String(salt)}:{Convert.ToBase64String(Derive(code, salt))}";
    }

    private static bool Matches(string stored, string code)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Derive(code, Convert.FromBase64String(parts[0])), Convert.FromBase64String(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
