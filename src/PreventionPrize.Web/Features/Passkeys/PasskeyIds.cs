using System.Buffers.Text;

namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>A credential id travels in forms as base64url (WebAuthn's own spelling); anything else names no passkey.</summary>
public static class PasskeyIds
{
    public static string Encode(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    public static byte[]? Decode(string? text) =>
        text is { Length: > 0 and <= 1400 } && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : null;

    /// <summary>The audit trail names a passkey by the start of its id: enough to tell two apart, and no person's name.</summary>
    public static string ForAudit(byte[] credentialId) => "passkey " + Encode(credentialId)[..Math.Min(12, Encode(credentialId).Length)];
}
