using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Features.Gallery;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Privacy;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Features.Privacy;

/// <summary>
/// The right to erasure, in one transaction: drafts go; applications are withdrawn if still pending and anonymised
/// like the retention sweep does; jury memberships lose the person but keep their scores under the juror's id, so
/// no result moves; mail to the person is blanked or cancelled; the account becomes a tombstone that can never
/// sign in. The audit trail keeps the fact (ids only). Files go after the commit.
/// </summary>
public static class DeleteAccount
{
    public sealed class Command : ICommand
    {
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(c => c.Password).Required(l, "Field.Password");
    }

    public sealed class Handler(PrizeDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, PersonalData personal,
        IFileStore store, IOutputCacheStore gallery, CurrentUser current, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<Handler> log)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.RequiredId) ?? throw new InvalidOperationException("Signed in without an account.");
            // Counted towards lockout like a sign-in: the form must not become a way to guess the password.
            var check = await signIn.CheckPasswordSignInAsync(user, command.Password!, lockoutOnFailure: true);
            if (!check.Succeeded) throw Rejection.Because(l["Privacy.Delete.WrongPassword"]);
            if (await users.IsInRoleAsync(user, Roles.Secretariat) && (await users.GetUsersInRoleAsync(Roles.Secretariat)).Count(u => u.ErasedAtUtc == null) <= 1)
                throw Rejection.Because(l["Privacy.Delete.LastSecretariat"]);

            var now = clock.GetUtcNow().UtcDateTime;
            var files = new List<string>();
            await db.InTransactionAsync(async ct =>
            {
                files.Clear();
                var counts = await EraseAsync(user.Id, user.Email ?? "", now, files, ct);
                db.Audit(now, user.Id, "account.erased", $"user:{user.Id}", counts);
                await db.SaveChangesAsync(ct);
            }, ct);
            // A winner who leaves is anonymised too: the public pages must not keep serving the old text.
            await gallery.EvictAsync(ct);
            await store.DeleteAfterCommitAsync(files, log, $"Account {user.Id} erased");
            return Unit.Value;
        }

        private async Task<string> EraseAsync(string userId, string email, DateTime now, List<string> files, CancellationToken ct)
        {
            var entries = await db.Entries.Where(e => e.OwnerId == userId)
                .Select(e => new { e.Id, e.Status, Bound = db.Conflicts.Any(c => c.EntryId == e.Id) || db.Decisions.Any(d => d.EntryId == e.Id) || db.RoundEntries.Any(r => r.EntryId == e.Id) })
                .ToListAsync(ct);
            var drafts = 0;
            foreach (var entry in entries)
            {
                if (entry.Status == EntryStatus.Draft && !entry.Bound)
                {
                    files.AddRange(await personal.DeleteDraftAsync(entry.Id, now, userId, ct));
                    drafts++;
                    continue;
                }
                files.AddRange(await personal.AnonymiseEntryAsync(entry.Id, now, userId, ct) ?? []);
                var tracked = await db.Entries.SingleAsync(e => e.Id == entry.Id, ct);
                // Nobody is left to be told a result: a pending application is withdrawn, as the applicant could have.
                if (tracked.Status == EntryStatus.Submitted)
                {
                    tracked.Status = EntryStatus.Withdrawn;
                    tracked.WithdrawnAtUtc = now;
                }
            }

            var lowered = email.ToLowerInvariant();
            var memberships = await db.JuryMembers.Where(m => m.UserId == userId || m.Email == lowered).ToListAsync(ct);
            var addresses = memberships.Select(m => m.Email.ToLowerInvariant()).Append(lowered).Where(a => a.Length > 0).Distinct().ToList();
            foreach (var member in memberships) await personal.BlankJurorAsync(member, now, userId, ct);
            PersonalData.BlankMail(await db.OutboxMessages.Where(m => addresses.Contains(m.ToAddress.ToLower())).ToListAsync(ct), now);

            await TombstoneAsync(userId, now, ct);
            return $"entries anonymised: {entries.Count - drafts}; drafts deleted: {drafts}; jury memberships: {memberships.Count}";
        }

        private async Task TombstoneAsync(string userId, DateTime now, CancellationToken ct)
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
            var erased = PersonalData.ErasedAddress(user.Id);
            user.Email = user.UserName = erased;
            user.NormalizedEmail = user.NormalizedUserName = erased.ToUpperInvariant();
            user.EmailConfirmed = false;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            user.TwoFactorEnabled = false;
            user.LastTotpStep = null;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.ErasedAtUtc = now;
            db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == userId).ToListAsync(ct));
            db.UserLogins.RemoveRange(await db.UserLogins.Where(c => c.UserId == userId).ToListAsync(ct));
            db.UserTokens.RemoveRange(await db.UserTokens.Where(c => c.UserId == userId).ToListAsync(ct));
            // A passkey left behind would still open the tombstone account (and names the person's devices).
            db.UserPasskeys.RemoveRange(await db.UserPasskeys.Where(c => c.UserId == userId).ToListAsync(ct));
            db.UserRoles.RemoveRange(await db.UserRoles.Where(c => c.UserId == userId).ToListAsync(ct));
        }
    }
}
