using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>One juror as the Secretariat sees them: invitation, profile, every declaration signed, conflicts.</summary>
public static class ShowJuror
{
    public sealed record Query(string Code, int MemberId) : IQuery<Model>;

    public sealed record Model(string Code, JuryMember Member, IReadOnlyList<JurorDeclaration> Declarations, IReadOnlyList<ConflictMatrix.Item> Conflicts,
        IReadOnlyDictionary<int, string> References, string? ConsentRecordedBy);

    public sealed class Handler(PrizeDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(query.Code, ct);
            var member = await db.JuryMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.MemberId && m.CallId == call.Id, ct)
                ?? throw new NotFoundException();
            var declarations = await db.JurorDeclarations.AsNoTracking().Where(d => d.JuryMemberId == member.Id)
                .OrderByDescending(d => d.SignedAtUtc).ToListAsync(ct);
            var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.JuryMemberId == member.Id).OrderBy(c => c.FoundAtUtc)
                .Select(c => new ConflictMatrix.Item(c.Id, c.JuryMemberId, c.EntryId, c.Type, c.Severity, c.Source, c.Reason, c.FoundAtUtc, c.Pinned, c.ClearedAtUtc, c.ClearReason))
                .ToListAsync(ct);
            var ids = conflicts.Select(c => c.EntryId).Distinct().ToList();
            var references = await db.Entries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Reference ?? $"#{e.Id}", ct);
            // Who recorded a guardian's consent is in the audit trail, the one place that names the actor.
            var recorder = member.GuardianConsentAtUtc is null ? null : await db.AuditEvents.AsNoTracking()
                .Where(a => a.Action == "jury.guardianconsent" && a.Subject == $"juror:{member.Id}").OrderByDescending(a => a.Id)
                .Select(a => a.ActorId).FirstOrDefaultAsync(ct);
            var recordedBy = recorder is null ? null : await db.Users.Where(u => u.Id == recorder).Select(u => u.Email).SingleOrDefaultAsync(ct);
            return new Model(call.Code, member, declarations, conflicts, references, recordedBy);
        }
    }
}
