using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>Where each juror of a call stands: invitation, profile, declaration, guardian consent, conflicts.</summary>
public static class ListJury
{
    public sealed record Query(string Code) : IQuery<Model>;

    public sealed record Row(
        int Id, string Name, string Email, string Language, InvitationStatus Status, DateTime InvitedAtUtc, DateTime ExpiresAtUtc,
        DateTime? RespondedAtUtc, bool IsMinor, DateTime? GuardianConsentAtUtc, DateTime? ProfileUpdatedAtUtc,
        DateTime? DeclarationSignedAtUtc, int BindingConflicts)
    {
        public bool Expired(DateTime nowUtc) => Status == InvitationStatus.Invited && ExpiresAtUtc <= nowUtc;
        public bool Ready => Status == InvitationStatus.Accepted && ProfileUpdatedAtUtc is not null
            && DeclarationSignedAtUtc is not null && (!IsMinor || GuardianConsentAtUtc is not null);
    }

    public sealed record Model(string Code, string TitleEn, string TitleFr, DateTime? JuryPublishedAtUtc, DateTime NowUtc, IReadOnlyList<Row> Members);

    public sealed class Handler(PrizeDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var members = await db.JuryMembers.AsNoTracking().Where(m => m.CallId == call.Id).OrderBy(m => m.Name)
                .Select(m => new Row(m.Id, m.Name, m.Email, m.Language, m.Status, m.InvitedAtUtc, m.ExpiresAtUtc, m.RespondedAtUtc,
                    m.IsMinor, m.GuardianConsentAtUtc, m.ProfileUpdatedAtUtc,
                    db.JurorDeclarations.Where(d => d.JuryMemberId == m.Id).Max(d => (DateTime?)d.SignedAtUtc),
                    db.Conflicts.Count(c => c.JuryMemberId == m.Id && c.ClearedAtUtc == null && (c.Severity == ConflictSeverity.Hard || c.Pinned))))
                .ToListAsync(ct);
            return new Model(call.Code, call.TitleEn, call.TitleFr, call.JuryPublishedAtUtc, clock.GetUtcNow().UtcDateTime, members);
        }
    }
}
