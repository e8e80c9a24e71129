using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Rounds;

namespace PreventionPrize.Core.Jury;

/// <summary>
/// The one answer to "may this juror see, be assigned to, score, or be e-mailed about this entry?". Every
/// juror-facing query starts from here, so a conflicted juror finds the entry in no page, list, count, file,
/// export or e-mail: for them it does not exist.
/// </summary>
public sealed class JuryPolicy(PrizeDbContext db)
{
    /// <summary>Entries the jury judges: those the Secretariat found eligible.</summary>
    public static readonly EntryStatus[] JudgedStatuses = [EntryStatus.Eligible];

    /// <summary>A juror may be given entries once they accepted and the invitation still stands.</summary>
    public IQueryable<JuryMember> ActiveMembers(int callId) =>
        db.JuryMembers.Where(m => m.CallId == callId && m.Status == InvitationStatus.Accepted);

    /// <summary>The jury as applicants see it once the Secretariat published it: accepted jurors, by name.</summary>
    public IQueryable<JuryMember> PublishedMembers(int callId) =>
        ActiveMembers(callId).Where(m => db.Calls.Any(c => c.Id == callId && c.JuryPublishedAtUtc != null)).OrderBy(m => m.Name);

    /// <summary>
    /// A juror may read entries once they completed their profile, signed the declaration and, if under 18,
    /// the Secretariat recorded a guardian's consent.
    /// </summary>
    public IQueryable<JuryMember> ReadyMembers(int callId) => Ready(ActiveMembers(callId));

    private IQueryable<JuryMember> Ready(IQueryable<JuryMember> members) =>
        members.Where(m => m.ProfileUpdatedAtUtc != null
            && db.JurorDeclarations.Any(d => d.JuryMemberId == m.Id)
            && (!m.IsMinor || m.GuardianConsentAtUtc != null));

    /// <summary>Entries this juror may be assigned to or e-mailed about: judged entries of the call without a binding conflict.</summary>
    public IQueryable<Entry> AssignableEntries(int juryMemberId) =>
        from entry in db.Entries
        join member in db.JuryMembers on entry.CallId equals member.CallId
        where member.Id == juryMemberId && member.Status == InvitationStatus.Accepted
            && JudgedStatuses.Contains(entry.Status)
            && !db.Conflicts.Any(c => c.JuryMemberId == juryMemberId && c.EntryId == entry.Id && c.ClearedAtUtc == null
                && (c.Severity == ConflictSeverity.Hard || c.Pinned))
        select entry;

    /// <summary>
    /// Entries this juror may open and score: as <see cref="AssignableEntries"/>, once the juror is ready, and
    /// only entries given to them in a published round (open, or closed and kept for reading) — every entry of
    /// the round when every juror reads every entry, otherwise the pairs of the published assignment.
    /// </summary>
    public IQueryable<Entry> VisibleEntries(int juryMemberId)
    {
        // Captured as queries (not method calls inside the lambda) so EF Core inlines them as subqueries.
        var ready = Ready(db.JuryMembers.Where(m => m.Id == juryMemberId));
        var rounds = db.Rounds.Where(r => r.Status != RoundStatus.Draft
            && (r.AllJurors || r.Jurors.Any(j => j.JuryMemberId == juryMemberId)));
        var assignments = db.Assignments.Where(a => a.JuryMemberId == juryMemberId);
        return AssignableEntries(juryMemberId).Where(e => ready.Any() && rounds.Any(r => r.CallId == e.CallId
            && (r.Mode == AssignmentMode.EveryJurorEveryEntry
                ? r.AllEligibleEntries || r.Entries.Any(x => x.EntryId == e.Id)
                : assignments.Any(a => a.RoundId == r.Id && a.EntryId == e.Id))));
    }

    /// <summary>
    /// The published rounds (open or closed) in which this juror has this entry (the same rule as <see cref="VisibleEntries"/>,
    /// seen from the round): the latest first, since a shortlist round follows the first one.
    /// </summary>
    public IQueryable<Round> RoundsGiving(int juryMemberId, int entryId)
    {
        var visible = VisibleEntries(juryMemberId);
        return db.Rounds.Where(r => r.Status != RoundStatus.Draft
                && (r.AllJurors || r.Jurors.Any(j => j.JuryMemberId == juryMemberId))
                && (r.Mode == AssignmentMode.EveryJurorEveryEntry
                    ? r.AllEligibleEntries || r.Entries.Any(x => x.EntryId == entryId)
                    : db.Assignments.Any(a => a.RoundId == r.Id && a.EntryId == entryId && a.JuryMemberId == juryMemberId))
                && visible.Any(e => e.Id == entryId && e.CallId == r.CallId))
            .OrderByDescending(r => r.Number);
    }

    public Task<bool> MaySeeAsync(int juryMemberId, int entryId, CancellationToken ct) =>
        VisibleEntries(juryMemberId).AnyAsync(e => e.Id == entryId, ct);

    public Task<bool> MayBeAssignedAsync(int juryMemberId, int entryId, CancellationToken ct) =>
        AssignableEntries(juryMemberId).AnyAsync(e => e.Id == entryId, ct);

    public Task<bool> MayScoreAsync(int juryMemberId, int entryId, CancellationToken ct) => MaySeeAsync(juryMemberId, entryId, ct);

    public Task<bool> MayBeEmailedAboutAsync(int juryMemberId, int entryId, CancellationToken ct) => MayBeAssignedAsync(juryMemberId, entryId, ct);

    /// <summary>
    /// (juror, entry) pairs whose work must not count: a binding conflict, found before or after the score was
    /// given. Results exclude every score in this set.
    /// </summary>
    public IQueryable<ConflictedPair> ExcludedPairs(int callId) =>
        db.Conflicts.Where(c => c.CallId == callId && c.ClearedAtUtc == null && (c.Severity == ConflictSeverity.Hard || c.Pinned))
            .Select(c => new ConflictedPair(c.JuryMemberId, c.EntryId)).Distinct();
}

public sealed record ConflictedPair(int JuryMemberId, int EntryId);
