using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Invitations;

public enum InvitationState { Open, Unknown, Answered, Expired, Revoked }

/// <summary>
/// What an invitation link leads to. A link that was never issued, was replaced by a resend, or is mistyped is
/// "unknown"; one already used says so; an expired one says whom to ask. Only the holder of the link sees the name.
/// </summary>
public static class ShowInvitation
{
    public sealed record Query(string Token) : IQuery<Model>;

    public sealed record Model(
        string Token, InvitationState State, string CallCode = "", string CallTitleEn = "", string CallTitleFr = "", string Name = "",
        string Email = "", DateTime ExpiresAtUtc = default, bool SignedIn = false, string? SignedInEmail = null, bool AccountExists = false);

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, UserManager<AppUser> users) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var hash = InvitationTokens.Hash(query.Token ?? "");
            var found = await db.JuryMembers.AsNoTracking().Where(m => m.TokenHash == hash)
                .Join(db.Calls, m => m.CallId, c => c.Id, (m, c) => new { Member = m, c.Code, c.TitleEn, c.TitleFr }).SingleOrDefaultAsync(ct);
            if (found is null) return new Model(query.Token ?? "", InvitationState.Unknown);
            var member = found.Member;
            var state = StateOf(member, clock.GetUtcNow().UtcDateTime);
            var signedInEmail = user.Id is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct) : null;
            return new Model(query.Token!, state, found.Code, found.TitleEn, found.TitleFr, member.Name, member.Email, member.ExpiresAtUtc,
                user.Id is not null, signedInEmail, user.Id is null && await users.FindByEmailAsync(member.Email) is not null);
        }
    }

    public static InvitationState StateOf(JuryMember member, DateTime nowUtc) => member.Status switch
    {
        InvitationStatus.Revoked => InvitationState.Revoked,
        InvitationStatus.Accepted or InvitationStatus.Declined => InvitationState.Answered,
        _ when member.ExpiresAtUtc <= nowUtc => InvitationState.Expired,
        _ => InvitationState.Open,
    };
}
