using System.Buffers.Text;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// A credential id travels in forms and in an authenticator's answer as base64url (WebAuthn's own spelling); anything
/// else, or longer than the 1,023 bytes WebAuthn allows, names no passkey.
/// </summary>
public static class PasskeyIds
{
    public static string Encode(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    public static byte[]? Decode(string? text) =>
        text is { Length: > 0 and <= 1400 } && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : null;

    /// <summary>The audit trail names a passkey by the start of its id: enough to tell two apart, and no person's name.</summary>
    public static string ForAudit(byte[] credentialId)
    {
        var id = Encode(credentialId);
        return "passkey " + id[..Math.Min(12, id.Length)];
    }
}
