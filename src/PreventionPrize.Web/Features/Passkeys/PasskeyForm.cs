namespace PreventionPrize.Web.Features.Passkeys;

/// <summary>What <c>_PasskeyForm.cshtml</c> needs to run one WebAuthn ceremony: see <c>wwwroot/js/passkeys.js</c>.</summary>
/// <param name="Ceremony">"create" to make a passkey, "get" to use one.</param>
public sealed record PasskeyForm(string Ceremony, string Action, string OptionsUrl, string ButtonKey, string? ReturnUrl = null, bool WithName = false)
{
    public static PasskeyForm SignIn(string? returnUrl) =>
        new("get", "/account/login/passkey", "/account/login/passkey/options", "Passkey.SignIn", returnUrl);

    public static PasskeyForm Reauthenticate(string? returnUrl) =>
        new("get", "/account/reauthenticate/passkey", "/account/reauthenticate/passkey/options", "Passkey.Reauthenticate", returnUrl);

    public static PasskeyForm Add() =>
        new("create", "/account/passkeys", "/account/passkeys/options", "Passkey.Add", WithName: true);
}
