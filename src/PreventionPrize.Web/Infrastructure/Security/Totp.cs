using System.Globalization;
using System.Security.Cryptography;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second steps, six digits,
/// over the RFC 4648 base32 key Identity stores. Public so that tests compute the codes a phone would show.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(string base32Key, long step) => Code(Base32Decode(base32Key), step);

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>What a person may type: six digits, perhaps with spaces or a hyphen in the middle; null otherwise.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var digits = typed.Replace(" ", "").Replace("-", "");
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException("Not a base32 key.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes[index++] = (byte)(buffer >> bits);
            buffer &= (1 << bits) - 1;
        }
        return bytes;
    }
}
