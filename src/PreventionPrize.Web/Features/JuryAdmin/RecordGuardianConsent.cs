using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// A juror under 18 reads no entry until the Secretariat records that a parent or guardian consented, and how: a
/// choice from a short list, never free text, so the guardian's name or address is not kept (the signed form stays
/// with the Secretariat's records). Who recorded it is the audit event's actor.
/// </summary>
public static class RecordGuardianConsent
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        [FromRoute] public int MemberId { get; set; }
        public string? Method { get; set; }
    }

    /// <summary>How the consent reached the Secretariat; each has a label <c>Jury.Consent.Method.{code}</c>.</summary>
    public static readonly string[] Methods = ["SignedForm", "EmailFromGuardian", "InPerson"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Method).Required(l, "Jury.Consent.Method");
            RuleFor(c => c.Method).Must(m => Methods.Contains(m!)).When(c => !string.IsNullOrEmpty(c.Method))
                .WithMessage(_ => l["Jury.Consent.MethodUnknown"]);
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.ByCodeAsync(command.Code, ct);
            var member = await db.JuryMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.CallId == call.Id && m.IsMinor, ct)
                ?? throw new NotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            member.GuardianConsentAtUtc = now;
            member.GuardianConsentNote = command.Method;
            member.Touch();
            db.Audit(now, user.Id, "jury.guardianconsent", $"juror:{member.Id}", member.GuardianConsentNote);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
