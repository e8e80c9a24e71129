using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.CallAdmin;

public static class CreateCall
{
    /// <summary>A new call starts as a draft: nobody outside the Secretariat sees it until it is opened.</summary>
    public sealed class Command : CallForm, ICommand<string>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l, PrizeDbContext db)
        {
            Include(new CallFormValidator(l));
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .Required(l, "Field.Code")
                .MaxChars(l, "Field.Code", Call.CodeMaxLength)
                .Matches("^[A-Za-z0-9][A-Za-z0-9-]*$").WithMessage(_ => l["Validation.CodeFormat"])
                .MustAsync(async (code, ct) => !await db.Calls.AnyAsync(c => c.Code == code!.ToUpper(), ct))
                .WithMessage(_ => l["Validation.CodeTaken"]);
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var call = new Call { Code = command.Code!.Trim().ToUpperInvariant(), Status = CallStatus.Draft, CreatedAtUtc = now, UpdatedAtUtc = now };
            command.CopyTo(call);
            db.Calls.Add(call);
            db.Audit(now, user.Id, "call.created", $"call:{call.Code}");
            await db.SaveChangesAsync(ct);
            return call.Code;
        }
    }
}
