using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Features.Account;

/// <summary>Makes a confirmation link for an account and queues it, in the account's language; the caller saves.</summary>
public sealed class EmailConfirmation(UserManager<AppUser> users, AccountMail mail)
{
    public async Task QueueAsync(AppUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.QueueConfirmationAsync(user, $"/account/confirm?userId={Uri.EscapeDataString(user.Id)}&code={AccountTokens.Encode(token)}", ct);
    }
}
