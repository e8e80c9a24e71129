using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Authenticator codes that are accepted once (ASVS 6.5.1), by the platform's <see cref="TimeProvider"/>. Identity's
/// own provider accepts any code of the last few steps, as many times as it is presented, and reads the system clock.
/// A code counts for its 30-second step and the steps either side (a phone's clock drifts, a person types slowly);
/// once a step is accepted, it and every earlier step are spent. The step is claimed by one conditional UPDATE, so
/// two requests racing with the same code cannot both win, and no stale copy of the account can write it back.
/// </summary>
public sealed class AuthenticatorTokenProvider(PrizeDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "PrizeAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var code = Totp.Normalize(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrWhiteSpace(key)) return false;

        var secret = Totp.Base32Decode(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            // Compare every candidate in constant time, and do not stop early: timing says nothing about the key.
            var equal = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(code));
            if (equal && matched is null && step > (user.LastTotpStep ?? long.MinValue)) matched = step;
        }
        if (matched is not { } accepted) return false;

        // A new concurrency stamp with the step: Identity writes the whole row on every update, so a request holding
        // the account from before (a failed attempt racing this one) must fail its update rather than write the old
        // step back.
        var stamp = Guid.NewGuid().ToString();
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < accepted))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpStep, accepted).SetProperty(u => u.ConcurrencyStamp, stamp));
        if (claimed == 0) return false;
        user.LastTotpStep = accepted;
        user.ConcurrencyStamp = stamp;
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.LastTotpStep).OriginalValue = accepted;
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = stamp;
        }
        return true;
    }
}
