using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Infrastructure.Outbox.Groups;

/// <summary>A group a bulk message can go to: a stable key stored with the bulk, a label, and who is in it.</summary>
public sealed record RecipientGroup(string Key, Func<IStringLocalizer, string> Label, Func<PrizeDbContext, IQueryable<AppUser>> Members);

/// <summary>
/// The groups the Secretariat can write to. Today: everyone with a role. A group is one entry in this list, so
/// "all applicants of a call" or "all jurors of a round" is added here when entries and rounds exist. Only
/// confirmed addresses are written to: an unconfirmed one may belong to someone else.
/// </summary>
public sealed class RecipientGroups
{
    public IReadOnlyList<RecipientGroup> All { get; } = Roles.All
        .Select(role => new RecipientGroup($"role:{role}", l => l["Outbox.Group.Role", l[$"Role.{role}"]], db => WithRole(db, role)))
        .ToList();

    public RecipientGroup? Find(string? key) => All.FirstOrDefault(g => g.Key == key);

    private static IQueryable<AppUser> WithRole(PrizeDbContext db, string role) =>
        db.Users.Where(u => u.EmailConfirmed && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
