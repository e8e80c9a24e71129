using System.Text.Json;
using Microsoft.Playwright;

namespace PreventionPrize.BrowserTests;

/// <summary>
/// Chromium's virtual WebAuthn authenticator, through the DevTools protocol: a platform authenticator ("internal",
/// like a laptop's fingerprint reader) that keeps discoverable passkeys and says the person unlocked it. The page's
/// script and the browser's WebAuthn code run for real; only the hardware is simulated.
/// </summary>
public sealed class VirtualAuthenticator(ICDPSession devtools, string id)
{
    public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
    {
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        var added = await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(devtools, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The passkeys the authenticator holds, as the browser stored them.</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var result = await devtools.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = id });
        return result!.Value.GetProperty("credentials").EnumerateArray().ToList();
    }

    /// <summary>False: the PIN or fingerprint check fails from now on, as when the person gives up.</summary>
    public Task SetUserVerifiedAsync(bool verified) =>
        devtools.SendAsync("WebAuthn.setUserVerified", new() { ["authenticatorId"] = id, ["isUserVerified"] = verified });
}
