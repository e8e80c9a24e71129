using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The current user's place on the jury of a call. Anyone else — an applicant, a juror of another call, a juror
/// whose invitation was revoked — gets 404: the juror pages of a call do not exist for them.
/// </summary>
public sealed class JurorMembership(PrizeDbContext db, CurrentUser user)
{
    public async Task<JuryMember> ForCallAsync(string code, CancellationToken ct)
    {
        var userId = user.Id;
        var callId = await db.Calls.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        return await db.JuryMembers.SingleOrDefaultAsync(m => m.CallId == callId && userId != null && m.UserId == userId
            && m.Status == InvitationStatus.Accepted, ct) ?? throw new NotFoundException();
    }

    /// <summary>What the juror must do before reading entries, in order; null when nothing is left.</summary>
    public async Task<JurorStep?> NextStepAsync(JuryMember member, CancellationToken ct)
    {
        if (member.ProfileUpdatedAtUtc is null) return JurorStep.Profile;
        if (!await db.JurorDeclarations.AnyAsync(d => d.JuryMemberId == member.Id, ct)) return JurorStep.Declaration;
        if (member.NeedsGuardianConsent) return JurorStep.GuardianConsent;
        return null;
    }
}

public enum JurorStep { Profile, Declaration, GuardianConsent }
