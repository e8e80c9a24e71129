using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Privacy;

/// <summary>
/// Everything the platform holds about the signed-in person, as JSON (the right of access). Never a secret of the
/// account (password hash, security stamp, authenticator key, recovery codes), never file bytes, and nothing about
/// applicants a juror did not already see: entries are named by reference, and a conflict's reason only when the
/// juror wrote it. A command, not a query: the download carries personal data out of the platform, so it is audited.
/// </summary>
public static class ExportMyData
{
    public sealed record Command : ICommand<byte[]>;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed class Handler(PrizeDbContext db, UserManager<AppUser> users, CurrentUser current, TimeProvider clock) : ICommandHandler<Command, byte[]>
    {
        public async ValueTask<byte[]> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            var roles = await users.GetRolesAsync(user);
            var memberships = await db.JuryMembers.AsNoTracking().Include(m => m.Declarations).Where(m => m.UserId == user.Id).ToListAsync(ct);
            var addresses = memberships.Select(m => m.Email).Append(user.Email ?? "").Select(a => a.ToLowerInvariant()).Distinct().ToList();

            var export = new
            {
                exportedAtUtc = now,
                account = new
                {
                    user.Id, user.Email, user.EmailConfirmed, user.UserName, user.PhoneNumber, user.PreferredLanguage, user.CreatedAtUtc,
                    user.TwoFactorEnabled, Roles = roles.Order().ToList(),
                },
                // What a person recognises a passkey by; its public key and attestation are the device's, not theirs to read.
                passkeys = (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)
                    .Select(p => new { p.Name, p.CreatedAt, p.Transports, Synced = p.IsBackedUp }).ToList(),
                entries = await EntriesAsync(user.Id, now, ct),
                juryMemberships = await MembershipsAsync(memberships, ct),
                emails = (await db.OutboxMessages.AsNoTracking().Where(m => addresses.Contains(m.ToAddress.ToLower()))
                        .Select(m => new { m.Kind, m.ToAddress, m.Subject, m.Language, m.State, m.CreatedAtUtc, m.SentAtUtc }).ToListAsync(ct))
                    .OrderBy(m => m.CreatedAtUtc).ToList(),
                auditEvents = (await db.AuditEvents.AsNoTracking().Where(a => a.ActorId == user.Id)
                    .Select(a => new { a.Id, a.AtUtc, a.Action, a.Subject, a.Details }).ToListAsync(ct)).OrderBy(a => a.Id).ToList(),
            };
            db.Audit(now, user.Id, "account.data-exported", $"user:{user.Id}");
            await db.SaveChangesAsync(ct);
            return JsonSerializer.SerializeToUtf8Bytes(export, Json);
        }

        private async Task<List<object>> EntriesAsync(string userId, DateTime now, CancellationToken ct)
        {
            var entries = await db.Entries.AsNoTracking().Include(e => e.Call).Include(e => e.Attachments).Include(e => e.Versions)
                .Where(e => e.OwnerId == userId).OrderBy(e => e.Id).ToListAsync(ct);
            var ids = entries.Select(e => e.Id).ToList();
            var decisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.EntryId)).ToListAsync(ct);
            return entries.Select(e => (object)new
            {
                e.Id, Call = e.Call.Code, e.Status, e.Reference, e.CreatedAtUtc, e.UpdatedAtUtc, e.SubmittedAtUtc, e.Late, e.WithdrawnAtUtc,
                e.ScreenedAtUtc, e.ScreeningReason, e.AnonymisedAtUtc, e.DeclarationTrue, e.IdentifierWarnings, e.JuryRelationships,
                Answers = EntrySnapshot.Of(e),
                Attachments = e.Attachments.OrderBy(a => a.UploadedAtUtc)
                    .Select(a => new { a.OriginalName, a.ContentType, a.Size, a.Sha256, a.Purpose, a.UploadedAtUtc, a.MetadataWarning }).ToList(),
                Versions = e.Versions.OrderBy(v => v.Number)
                    .Select(v => new { v.Number, v.SubmittedAtUtc, v.Late, Snapshot = JsonDocument.Parse(v.Snapshot).RootElement }).ToList(),
                // An outcome exists for its applicant only once the embargo lifts.
                Decision = e.Call.IsLifted(now) ? decisions.Where(d => d.EntryId == e.Id).Select(d => new { d.Outcome }).SingleOrDefault() : null,
            }).ToList();
        }

        private async Task<List<object>> MembershipsAsync(List<JuryMember> memberships, CancellationToken ct)
        {
            var ids = memberships.Select(m => m.Id).ToList();
            var callIds = memberships.Select(m => m.CallId).Distinct().ToList();
            var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
            var conflicts = await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.JuryMemberId)).ToListAsync(ct);
            var scores = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.JuryMemberId)).ToListAsync(ct);
            var sights = await db.FirstSights.AsNoTracking().Where(s => ids.Contains(s.JuryMemberId)).ToListAsync(ct);
            var entryIds = conflicts.Select(c => c.EntryId).Concat(scores.Select(s => s.EntryId)).Concat(sights.Select(s => s.EntryId)).Distinct().ToList();
            // Blind: a juror knows an entry by its reference, nothing else.
            var references = await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Reference, ct);
            var roundIds = scores.Select(s => s.RoundId).Distinct().ToList();
            var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
            var criteria = await db.Criteria.AsNoTracking().Where(c => roundIds.Contains(c.RoundId)).ToDictionaryAsync(c => c.Id, c => c.NameEn, ct);

            return memberships.OrderBy(m => m.Id).Select(m => (object)new
            {
                m.Id, Call = calls[m.CallId], m.Name, m.Email, m.Language, m.Status, m.InvitedAtUtc, m.RespondedAtUtc, m.IsMinor,
                m.GuardianConsentAtUtc, m.Profile, m.ProfileUpdatedAtUtc,
                Declarations = m.Declarations.OrderBy(d => d.SignedAtUtc).Select(d => new { d.SignedAtUtc, d.SignedName, d.AcceptsConfidentiality, d.Relationships }).ToList(),
                Conflicts = conflicts.Where(c => c.JuryMemberId == m.Id).OrderBy(c => c.Id).Select(c => new
                {
                    Entry = references[c.EntryId], c.Type, c.Severity, c.Source, c.FoundAtUtc, c.Pinned, c.ClearedAtUtc,
                    // A rule's reason quotes the applicant's side (names, addresses); the juror's own words are theirs.
                    Reason = c.Source is ConflictSource.Juror or ConflictSource.Recusal ? c.Reason : null,
                }).ToList(),
                EntriesOpened = sights.Where(s => s.JuryMemberId == m.Id).Select(s => new { Entry = references[s.EntryId], s.ConfirmedAtUtc }).ToList(),
                Scores = scores.Where(s => s.JuryMemberId == m.Id).OrderBy(s => s.Id).Select(s => new
                {
                    Round = rounds[s.RoundId], Entry = references[s.EntryId], s.Status,
                    Values = s.Values.Select(v => new { Criterion = criteria.GetValueOrDefault(v.CriterionId), v.Value }).ToList(),
                    s.Comment, s.Feedback, s.UpdatedAtUtc, s.SubmittedAtUtc,
                }).ToList(),
            }).ToList();
        }
    }
}
