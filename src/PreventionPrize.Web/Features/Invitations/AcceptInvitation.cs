using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Invitations;

/// <summary>
/// Accepting links the invitation to an account and gives it the Juror role. Signed in, it is the current
/// account; otherwise a new account is created for the invited address (confirmed: the link arrived there).
/// An existing account for that address must sign in first, so nobody can take over an account with a link.
/// </summary>
public static class AcceptInvitation
{
    public sealed class Command : ICommand<string>
    {
        [FromRoute] public string Token { get; set; } = "";
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }

        /// <summary>The invitation around the form; null when the form comes back with errors (the view reads it again).</summary>
        [BindNever, ValidateNever] public ShowInvitation.Model? Page { get; set; }
    }

    public sealed class Handler(
        PrizeDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser current, ConflictDetection detection,
        TimeProvider clock, IStringLocalizer<SharedResource> l) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hash = InvitationTokens.Hash(command.Token);
            var member = await db.JuryMembers.SingleOrDefaultAsync(m => m.TokenHash == hash, ct) ?? throw Rejection.Because(l["Invitation.Unknown"]);
            var code = await db.Calls.Where(c => c.Id == member.CallId).Select(c => c.Code).SingleAsync(ct);
            // A double click: the first click accepted for this very account, the second has nothing left to do.
            if (member.Status == InvitationStatus.Accepted && current.Id is { } me && member.UserId == me) return code;
            var state = ShowInvitation.StateOf(member, now);
            if (state != InvitationState.Open) throw Rejection.Because(l[$"Invitation.{state}"]);

            AppUser? user = null;
            await db.InTransactionAsync(async ct =>
            {
                user = current.Id is { } id ? await users.FindByIdAsync(id) : await CreateAccountAsync(member, command, now);
                if (await db.JuryMembers.AnyAsync(m => m.CallId == member.CallId && m.UserId == user!.Id && m.Id != member.Id && m.Status == InvitationStatus.Accepted, ct))
                    throw Rejection.Because(l["Invitation.AlreadyOnJury"]);
                if (!await users.IsInRoleAsync(user!, Roles.Juror)) await users.AddToRoleAsync(user!, Roles.Juror);
                member.UserId = user!.Id;
                member.Status = InvitationStatus.Accepted;
                member.RespondedAtUtc = now;
                member.Touch();
                db.Audit(now, user.Id, "jury.accepted", $"juror:{member.Id}", $"user:{user.Id}");
                await db.SaveChangesAsync(ct);
                await detection.RunAsync(member.CallId, now, ct, juryMemberId: member.Id);
                await db.SaveChangesAsync(ct);
            }, ct);

            // The Juror role is in the cookie only after a fresh sign-in.
            await signIn.SignInAsync(user!, isPersistent: false);
            return code;
        }

        private async Task<AppUser> CreateAccountAsync(JuryMember member, Command command, DateTime now)
        {
            if (await users.FindByEmailAsync(member.Email) is not null) throw Rejection.Because(l["Invitation.SignInFirst"]);
            if (string.IsNullOrEmpty(command.Password)) throw Rejection.Because(l["Validation.Required", l["Field.Password"]], nameof(Command.Password));
            if (command.Password != command.ConfirmPassword) throw Rejection.Because(l["Validation.PasswordsDiffer"], nameof(Command.ConfirmPassword));
            var user = new AppUser { UserName = member.Email, Email = member.Email, EmailConfirmed = true, PreferredLanguage = member.Language, CreatedAtUtc = now };
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded) throw Rejection.Because(created.Errors.First().Description, nameof(Command.Password));
            db.Audit(now, user.Id, "account.registered", $"user:{user.Id}", "through a jury invitation");
            return user;
        }
    }
}
