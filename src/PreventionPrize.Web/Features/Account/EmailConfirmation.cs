using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Email;

namespace PreventionPrize.Web.Features.Account;

/// <summary>Makes a confirmation link for an account and e-mails it, in the account's language.</summary>
public sealed class EmailConfirmation(UserManager<AppUser> users, AccountMail mail, PublicLinks links)
{
    public async Task SendAsync(AppUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute($"/account/confirm?userId={Uri.EscapeDataString(user.Id)}&code={AccountTokens.Encode(token)}");
        await mail.SendConfirmationAsync(user, link, ct);
    }
}
