using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PreventionPrize.TestSupport;

/// <summary>
/// A WebAuthn authenticator in code, as a phone or a security key is to a browser: it answers the server's options
/// with a P-256 key of its own ("none" attestation, user present and verified), and signs assertions with it. The
/// answers are the JSON a browser posts (WebAuthn Level 3's <c>toJSON()</c> shape, base64url fields), so a test drives
/// the server's real verification. Properties let a test make a bad authenticator: another origin, no PIN asked, a
/// counter going backwards.
/// </summary>
public sealed class SoftwarePasskey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);
    public string Id => Base64Url.EncodeToString(CredentialId);

    /// <summary>The account's handle, learnt at registration; a discoverable passkey gives it back at sign-in.</summary>
    public byte[]? UserHandle { get; private set; }

    public string Origin { get; set; } = "https://localhost";
    public bool UserVerified { get; set; } = true;
    public uint SignCount { get; set; }

    /// <summary>Answers <c>navigator.credentials.create</c> options with a new credential.</summary>
    public string Register(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        UserHandle = Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var authenticatorData = AuthenticatorData(options["rp"]!["id"]!.GetValue<string>(), attested: true);
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();
        return Answer(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers <c>navigator.credentials.get</c> options: signs the challenge, counting one more use.</summary>
    public string Assert(string requestOptionsJson, string? rpId = null)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        SignCount++;
        var authenticatorData = AuthenticatorData(rpId ?? options["rpId"]?.GetValue<string>() ?? new Uri(Origin).Host, attested: false);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var response = new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
        };
        if (UserHandle is not null) response["userHandle"] = Base64Url.EncodeToString(UserHandle);
        return Answer(response);
    }

    private string Answer(JsonObject response) => new JsonObject
    {
        ["id"] = Id,
        ["rawId"] = Id,
        ["type"] = "public-key",
        ["response"] = response,
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = Origin, crossOrigin = false }));

    /// <summary>rpIdHash, flags (user present, verified if so, attested credential data), counter, then the key.</summary>
    private byte[] AuthenticatorData(string rpId, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        data.Add((byte)(0x01 | (UserVerified ? 0x04 : 0) | (attested ? 0x40 : 0)));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, SignCount);
        data.AddRange(counter);
        if (!attested) return [.. data];
        data.AddRange(new byte[16]); // AAGUID: none, as an authenticator that does not say what it is
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        data.AddRange(length);
        data.AddRange(CredentialId);
        data.AddRange(CosePublicKey());
        return [.. data];
    }

    /// <summary>The public key as COSE: EC2 (kty 2), ES256 (alg -7), P-256 (crv 1), x and y.</summary>
    private byte[] CosePublicKey()
    {
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);
        cose.WriteInt32(3); cose.WriteInt32(-7);
        cose.WriteInt32(-1); cose.WriteInt32(1);
        cose.WriteInt32(-2); cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    public void Dispose() => _key.Dispose();
}
