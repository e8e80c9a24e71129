using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// Runs <see cref="ConflictRules"/> over a call's jurors and entries and adds what is new to the context, so the
/// caller's <c>SaveChanges</c> commits the findings (and their audit events) with the change that caused them:
/// a profile saved, a declaration signed, an entry submitted, an invitation accepted, a setting changed.
/// Findings are never withdrawn by a later run: a juror cannot make a conflict vanish by editing their profile;
/// only the Secretariat clears a soft one.
/// </summary>
public sealed class ConflictDetection(PrizeDbContext db)
{
    private static readonly EntryStatus[] Detected = [EntryStatus.Submitted, EntryStatus.Eligible];

    public async Task<int> RunAsync(int callId, DateTime nowUtc, CancellationToken ct, int? juryMemberId = null, int? entryId = null)
    {
        // FindAsync returns the tracked call when the caller is changing its setting in the same unit of work.
        var countryRule = (await db.Calls.FindAsync([callId], ct))!.CountryConflictRule;
        var jurors = await Jurors(callId, juryMemberId, ct);
        var entries = await Entries(callId, entryId, ct);
        var existing = await db.Conflicts.Where(c => c.CallId == callId
                && (juryMemberId == null || c.JuryMemberId == juryMemberId) && (entryId == null || c.EntryId == entryId))
            .ToListAsync(ct);
        var known = existing.Select(c => (c.JuryMemberId, c.EntryId, c.Type, c.Source)).ToHashSet();

        var added = 0;
        foreach (var juror in jurors)
            foreach (var entry in entries)
                foreach (var found in ConflictRules.Detect(juror, entry, countryRule))
                {
                    if (!known.Add((juror.JuryMemberId, entry.EntryId, found.Type, found.Source))) continue;
                    db.Conflicts.Add(new Conflict
                    {
                        CallId = callId, JuryMemberId = juror.JuryMemberId, EntryId = entry.EntryId, Type = found.Type,
                        Severity = found.Severity, Source = found.Source, Reason = found.Reason, FoundAtUtc = nowUtc,
                    });
                    db.Audit(nowUtc, null, "conflict.detected", $"entry:{entry.EntryId}",
                        $"juror:{juror.JuryMemberId} {found.Type} {found.Severity} {found.Source}");
                    added++;
                }

        FollowCountryRule(existing, countryRule, nowUtc);
        return added;
    }

    /// <summary>Same-country findings follow the call's current setting, unless the Secretariat pinned them.</summary>
    private void FollowCountryRule(IEnumerable<Conflict> existing, CountryConflictRule rule, DateTime nowUtc)
    {
        foreach (var conflict in existing.Where(c => c is { Type: ConflictType.SameCountry, Source: ConflictSource.Rule, Pinned: false, Active: true }))
        {
            if (rule == CountryConflictRule.Ignore)
            {
                conflict.ClearedAtUtc = nowUtc;
                conflict.ClearReason = "The call ignores same-country conflicts.";
            }
            else conflict.Severity = rule == CountryConflictRule.Hard ? ConflictSeverity.Hard : ConflictSeverity.Soft;
        }
    }

    private async Task<List<JurorFacts>> Jurors(int callId, int? juryMemberId, CancellationToken ct)
    {
        var members = await db.JuryMembers.AsNoTracking()
            .Where(m => m.CallId == callId && m.Status == InvitationStatus.Accepted && (juryMemberId == null || m.Id == juryMemberId))
            .Select(m => new
            {
                m.Id, m.Name, m.Email, m.UserId, m.Profile,
                Declaration = db.JurorDeclarations.Where(d => d.JuryMemberId == m.Id).OrderByDescending(d => d.SignedAtUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return members.Select(m => new JurorFacts(m.Id, m.Name, m.Email, m.UserId,
            m.Profile.Organisations.Select(o => o.Name).ToList(), m.Profile.Countries, m.Profile.EmailDomains,
            m.Declaration?.Relationships ?? [])).ToList();
    }

    private async Task<List<EntryFacts>> Entries(int callId, int? entryId, CancellationToken ct)
    {
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.CallId == callId && Detected.Contains(e.Status) && (entryId == null || e.Id == entryId))
            .Select(e => new
            {
                e.Id, e.OwnerId, OwnerEmail = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.Email).FirstOrDefault(),
                e.OrganisationName, e.ContactName, e.ContactEmail, e.Website, e.TeamMembers, e.Eligibility.Country, e.JuryRelationships,
            })
            .ToListAsync(ct);
        return entries.Select(e => new EntryFacts(e.Id, e.OwnerId, e.OwnerEmail, e.OrganisationName, e.ContactName, e.ContactEmail,
            e.Website, e.TeamMembers, e.Country, e.JuryRelationships)).ToList();
    }
}
