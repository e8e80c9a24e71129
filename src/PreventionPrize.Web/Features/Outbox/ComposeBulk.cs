using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Outbox.Groups;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Outbox;

public static class ComposeBulk
{
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 10_000;

    /// <summary>
    /// A message to a group, in English and optionally French (each recipient gets their language). The form carries
    /// its own id, so a double submit prepares the same mails once.
    /// </summary>
    public sealed class Command : ICommand<Guid>
    {
        public Guid BulkId { get; set; }
        public string? Group { get; set; }
        public string? SubjectEn { get; set; }
        public string? BodyEn { get; set; }
        public string? SubjectFr { get; set; }
        public string? BodyFr { get; set; }

        public bool HasFrench => !string.IsNullOrWhiteSpace(SubjectFr) || !string.IsNullOrWhiteSpace(BodyFr);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l, RecipientGroups groups)
        {
            RuleFor(c => c.BulkId).NotEmpty().WithMessage(_ => l["Outbox.Bulk.Expired"]);
            RuleFor(c => c.Group).Must(g => groups.Find(g) is not null).WithMessage(_ => l["Outbox.Bulk.NoGroup"]);
            RuleFor(c => c.SubjectEn).Cascade(CascadeMode.Stop).Required(l, "Outbox.Bulk.SubjectEn")
                .MaxChars(l, "Outbox.Bulk.SubjectEn", SubjectMaxLength).Must(OneLine).WithMessage(_ => l["Outbox.Bulk.OneLine", l["Outbox.Bulk.SubjectEn"]]);
            RuleFor(c => c.BodyEn).Cascade(CascadeMode.Stop).Required(l, "Outbox.Bulk.BodyEn").MaxChars(l, "Outbox.Bulk.BodyEn", BodyMaxLength);
            When(c => c.HasFrench, () =>
            {
                RuleFor(c => c.SubjectFr).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => l["Outbox.Bulk.FrenchIncomplete"])
                    .MaxChars(l, "Outbox.Bulk.SubjectFr", SubjectMaxLength).Must(OneLine).WithMessage(_ => l["Outbox.Bulk.OneLine", l["Outbox.Bulk.SubjectFr"]]);
                RuleFor(c => c.BodyFr).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => l["Outbox.Bulk.FrenchIncomplete"])
                    .MaxChars(l, "Outbox.Bulk.BodyFr", BodyMaxLength);
            });
        }

        private static bool OneLine(string? value) => value is null || !value.Any(char.IsControl);
    }

    /// <summary>Prepares one Held mail per member of the group; nothing is sent until the Secretariat releases them.</summary>
    public sealed class Handler(PrizeDbContext db, RecipientGroups groups, MailRenderer renderer, TimeProvider clock, CurrentUser user,
        IOptions<MailOptions> options, IStringLocalizer<SharedResource> l) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            if (await db.OutboxMessages.AnyAsync(m => m.BulkId == command.BulkId, ct)) return command.BulkId;
            var group = groups.Find(command.Group)!;
            var members = await group.Members(db).OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(ct);
            if (members.Count == 0) throw Rejection.Because(l["Outbox.Bulk.NoRecipients"], nameof(Command.Group));

            var english = renderer.Render(new BulkMail(command.SubjectEn!.Trim(), command.BodyEn!.Trim()), "en");
            var french = command.HasFrench ? renderer.Render(new BulkMail(command.SubjectFr!.Trim(), command.BodyFr!.Trim()), "fr") : english;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var member in members)
            {
                var mail = member.PreferredLanguage == "fr" ? french : english;
                db.OutboxMessages.Add(MailOutbox.Create($"bulk:{command.BulkId:N}:{member.Id}", new MailRecipient(member.Email!, null, mail.Language),
                    mail, now, options.Value, heldInBulk: command.BulkId));
            }
            db.Audit(now, user.Id, "outbox.bulk.prepared", $"bulk:{command.BulkId:N}", $"{group.Key}: {members.Count} mails held for review");
            await db.SaveChangesAsync(ct);
            return command.BulkId;
        }
    }
}
