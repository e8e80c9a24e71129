using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.TestSupport;

/// <summary>
/// Two-factor sign-in for tests: turn it on for an account straight in the database (returning the key an app would
/// hold), compute the code a phone would show at the app's clock, and sign in through both real forms.
/// </summary>
public static class TwoFactor
{
    /// <summary>Gives the account a new authenticator key, turns two-factor on, and returns the key (base32).</summary>
    public static async Task<string> EnableAsync(PrizeAppFactory app, AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user");
        await users.ResetAuthenticatorKeyAsync(stored);
        await users.SetTwoFactorEnabledAsync(stored, true);
        return (await users.GetAuthenticatorKeyAsync(stored))!;
    }

    /// <summary>Ten fresh recovery codes for an account that has two-factor on.</summary>
    public static async Task<IReadOnlyList<string>> RecoveryCodesAsync(PrizeAppFactory app, AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10))!.ToList();
    }

    /// <summary>The code an authenticator app shows at the app's clock, <paramref name="steps"/> 30-second steps away.</summary>
    public static string Code(PrizeAppFactory app, string key, int steps = 0) => Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()) + steps);

    /// <summary>
    /// Password, then a code. Codes are single-use: when the current step is spent (an earlier sign-in in the same
    /// 30 seconds), the next step's code is used (accepted, as a phone a little ahead would be), and failing that the clock moves on.
    /// </summary>
    public static async Task SignInAsync(PrizeAppFactory app, TestClient client, string email, string key, string password = TestClient.DefaultPassword)
    {
        var first = await client.SubmitAsync("/account/login", [new("Email", email), new("Password", password)]);
        if (first.Status != HttpStatusCode.Redirect || first.Location?.StartsWith("/account/login/two-factor", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"Password step failed: {string.Join(" | ", first.Errors)}");
        var last = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LastTotpStep).SingleAsync());
        var now = Totp.StepAt(app.Clock.GetUtcNow());
        if (last >= now + 1)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds * (last.Value - now + 1)));
            now = Totp.StepAt(app.Clock.GetUtcNow());
        }
        var step = last is { } used && used >= now ? now + 1 : now;
        var second = await client.SubmitAsync(first.Location!, [new("Code", Totp.Code(key, step))]);
        if (second.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Second step failed: {string.Join(" | ", second.Errors)}");
    }
}
