using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

public static class InviteJuror
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string Language { get; set; } = "en";
        public bool IsMinor { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Jury.Invite.NameRequired"]);
            RuleFor(c => c.Name).MaxChars(l, "Jury.Invite.Name", JuryMember.NameMaxLength);
            RuleFor(c => c.Email).Email(l);
            RuleFor(c => c.Language).Must(EntryLanguages.All.Contains).WithMessage(_ => l["Jury.Invite.LanguageRequired"]);
        }
    }

    /// <summary>
    /// One invitation per address and call: inviting an address already on the jury is refused with a message
    /// (resend is the button for that), never a second row.
    /// </summary>
    public sealed class Handler(PrizeDbContext db, Invitations invitations, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var email = command.Email!.Trim().ToLowerInvariant();
            if (await db.JuryMembers.AnyAsync(m => m.CallId == call.Id && m.Email == email, ct))
                throw Rejection.Because(l["Jury.Invite.AlreadyInvited", email], nameof(Command.Email));

            var now = clock.GetUtcNow().UtcDateTime;
            var member = new JuryMember { CallId = call.Id, Name = command.Name!.Trim(), Email = email, Language = command.Language, IsMinor = command.IsMinor };
            db.JuryMembers.Add(member);
            await invitations.IssueAsync(member, call, now, ct);
            // The juror's id exists once the row is saved; the transaction keeps the invitation and its event together.
            await db.InTransactionAsync(async ct =>
            {
                await db.SaveChangesAsync(ct);
                db.Audit(now, user.Id, "jury.invited", $"juror:{member.Id}", $"call:{call.Code} {member.Language}{(member.IsMinor ? ", minor" : "")}");
                await db.SaveChangesAsync(ct);
            }, ct);
            return Unit.Value;
        }
    }
}
