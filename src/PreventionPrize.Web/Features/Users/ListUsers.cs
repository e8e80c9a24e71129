using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.Users;

public static class ListUsers
{
    public const int PageSize = 50;

    public sealed record Query(string? Search, int Page = 1) : IQuery<Model>;

    public sealed record Row(string Id, string Email, bool EmailConfirmed, DateTime CreatedAtUtc, IReadOnlyList<string> Roles,
        bool TwoFactorEnabled = false, DateTimeOffset? LockoutEnd = null, int Passkeys = 0)
    {
        public bool Disabled => Infrastructure.Security.DisabledAccounts.IsDisabled(LockoutEnd);
    }

    public sealed record Model(string? Search, int Page, int Total, IReadOnlyList<Row> Users)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var search = query.Search?.Trim();
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrEmpty(search))
            {
                var normalized = search.ToUpperInvariant();
                users = users.Where(u => u.NormalizedEmail!.Contains(normalized));
            }
            var total = await users.CountAsync(ct);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await users.OrderBy(u => u.NormalizedEmail)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new Row(u.Id, u.Email!, u.EmailConfirmed, u.CreatedAtUtc,
                    db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                    u.TwoFactorEnabled, u.LockoutEnd, db.UserPasskeys.Count(p => p.UserId == u.Id)))
                .ToListAsync(ct);
            return new Model(search, page, total, rows);
        }
    }
}
