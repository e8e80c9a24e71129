using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Accounts;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in, plus the <c>auth_time</c> claim: set when a password (and second factor) was entered, kept
/// when the cookie is merely re-issued (a role change, a new security stamp), renewed by re-authentication.
/// </summary>
public sealed class PrizeSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Any(c => c.Type == SessionClaims.AuthTime)) all.Add(SessionClaims.AuthTimeClaim(clock.GetUtcNow()));
        return base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>
    /// Identity's <c>PasskeySignInAsync</c>, but it says who signed in (for the audit trail) and marks the session as
    /// opened by a passkey (<see cref="SessionClaims.PasskeyMethod"/>) instead of Identity's "pwd". A passkey verified
    /// with its PIN or biometric is two factors in one gesture, so no code is asked after it (as Identity decides too).
    /// A malformed answer or one with no ceremony under way (the five minutes passed, a form posted by hand) is a
    /// failure like a wrong signature, not an exception.
    /// </summary>
    public async Task<(SignInResult Result, AppUser? User)> SignInWithPasskeyAsync(string credentialJson)
    {
        var assertion = await VerifyPasskeyAsync(credentialJson);
        if (assertion is not { Succeeded: true }) return (SignInResult.Failed, await OwnerOfAsync(credentialJson));
        var user = assertion.User;
        if (await PreSignInCheck(user) is { } refused) return (refused, user);
        // The new signature counter is kept, so a cloned authenticator replaying an old count is noticed by Identity.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded) return (SignInResult.Failed, user);
        await ResetLockout(user);
        await SignInWithClaimsAsync(user, isPersistent: false, SessionClaims.PasskeyClaims());
        return (SignInResult.Success, user);
    }

    /// <summary>
    /// Whose passkey a refused answer names, so the audit trail shows attempts on an account (a replay, a clone) as it
    /// does wrong passwords typed for it; the id is only looked up, never trusted.
    /// </summary>
    private async Task<AppUser?> OwnerOfAsync(string credentialJson)
    {
        try
        {
            using var answer = JsonDocument.Parse(credentialJson);
            return answer.RootElement.ValueKind == JsonValueKind.Object
                && answer.RootElement.TryGetProperty("rawId", out var rawId) && rawId.ValueKind == JsonValueKind.String
                && PasskeyIds.Decode(rawId.GetString()) is { } id
                    ? await UserManager.FindByPasskeyIdAsync(id)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Checks a passkey's answer to the challenge this browser was given; null when there is nothing to check.</summary>
    public Task<PasskeyAssertionResult<AppUser>?> VerifyPasskeyAsync(string credentialJson) =>
        UnlessRefusedAsync(() => PerformPasskeyAssertionAsync(credentialJson));

    /// <summary>Checks a new passkey against the creation this browser started; null when there is nothing to check.</summary>
    public Task<PasskeyAttestationResult?> AttestPasskeyAsync(string credentialJson) =>
        UnlessRefusedAsync(() => PerformPasskeyAttestationAsync(credentialJson));

    /// <summary>
    /// Identity throws, rather than fails, when no ceremony is under way (the five minutes passed, a form posted by
    /// hand, the state cookie gone) or the answer is not even JSON: for the person that is a refusal like any other.
    /// </summary>
    private async Task<T?> UnlessRefusedAsync<T>(Func<Task<T>> ceremony) where T : class
    {
        try
        {
            return await ceremony();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            Logger.LogInformation("A passkey answer was refused before verification: {Reason}", e.GetType().Name);
            return null;
        }
    }

    /// <summary>Re-issues this session's cookie for <paramref name="user"/> (after a change of stamp), keeping its sign-in time.</summary>
    public override Task RefreshSignInAsync(AppUser user) => RefreshAsync(user, passwordJustEntered: false);

    /// <summary>Re-issues the cookie with a new sign-in time: the person has just proved who they are again.</summary>
    public Task RefreshAfterReauthenticationAsync(AppUser user) => RefreshAsync(user, passwordJustEntered: true);

    private async Task RefreshAsync(AppUser user, bool passwordJustEntered)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (auth.Principal is null || auth.Principal.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id) return;
        var kept = auth.Principal.Claims
            .Where(c => c.Type is ClaimTypes.AuthenticationMethod or "amr" || (c.Type == SessionClaims.AuthTime && !passwordJustEntered))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType))
            .ToList();
        await SignInWithClaimsAsync(user, auth.Properties, kept);
    }
}
