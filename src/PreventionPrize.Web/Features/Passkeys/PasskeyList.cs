using Mediator;
using Microsoft.AspNetCore.Identity;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Passkeys;

public static class PasskeyList
{
    public sealed record Query : IQuery<Model>;

    public sealed record Model(IReadOnlyList<Item> Passkeys);

    /// <param name="Synced">Backed up by its provider (a phone's or a password manager's account), so not lost with one device.</param>
    public sealed record Item(string Id, string Name, DateTimeOffset CreatedAt, bool Synced);

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var passkeys = await users.GetPasskeysAsync(user);
            return new Model(passkeys.OrderBy(p => p.CreatedAt)
                .Select(p => new Item(PasskeyIds.Encode(p.CredentialId), p.Name ?? "", p.CreatedAt, p.IsBackedUp)).ToList());
        }
    }
}
