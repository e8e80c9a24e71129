using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// The general declaration of interests and confidentiality. Signing again adds a new declaration (the old ones
/// stay on record); each relationship that names an applicant's organisation or person becomes a hard conflict.
/// </summary>
public static class SignDeclaration
{
    public const int BlankRows = 3;

    public sealed record Query(string Code) : IQuery<Command>;

    public sealed class RelationshipRow
    {
        public RelationshipKind? Kind { get; set; }
        public string? With { get; set; }
        public string? Details { get; set; }

        public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(With) && string.IsNullOrWhiteSpace(Details);
    }

    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        public List<RelationshipRow> Relationships { get; set; } = [];
        public bool AcceptsConfidentiality { get; set; }
        public string? SignedName { get; set; }
        /// <summary>When the last declaration was signed, for the page; null before the first.</summary>
        public DateTime? LastSignedAtUtc { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Relationships).Must(r => r.Count(x => !x.IsBlank) <= JurorDeclaration.MaxRelationships)
                .WithMessage(_ => l["JurorProfile.TooMany", JurorDeclaration.MaxRelationships]);
            RuleForEach(c => c.Relationships).Where(r => !r.IsBlank).ChildRules(row =>
            {
                row.RuleFor(r => r.Kind).Required(l, "Declaration.Kind");
                row.RuleFor(r => r.With).Required(l, "Declaration.With").MaxChars(l, "Declaration.With", DeclaredRelationship.WithMaxLength);
                row.RuleFor(r => r.Details).MaxChars(l, "Declaration.Details", DeclaredRelationship.DetailsMaxLength);
            });
            RuleFor(c => c.AcceptsConfidentiality).Equal(true).WithMessage(_ => l["Declaration.ConfidentialityRequired"]);
            RuleFor(c => c.SignedName).Required(l, "Declaration.SignedName").MaxChars(l, "Declaration.SignedName", JuryMember.NameMaxLength);
        }
    }

    public sealed class QueryHandler(PrizeDbContext db, JurorMembership membership) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(query.Code, ct);
            var last = await db.JurorDeclarations.AsNoTracking().Where(d => d.JuryMemberId == member.Id).OrderByDescending(d => d.SignedAtUtc).FirstOrDefaultAsync(ct);
            return new Command
            {
                Code = query.Code,
                Relationships = last?.Relationships.Select(r => new RelationshipRow { Kind = r.Kind, With = r.With, Details = r.Details }).ToList() ?? [],
                SignedName = member.Name,
                LastSignedAtUtc = last?.SignedAtUtc,
            };
        }
    }

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, ConflictDetection detection, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(command.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var declaration = new JurorDeclaration
            {
                JuryMemberId = member.Id, SignedAtUtc = now, SignedName = command.SignedName!.Trim(), AcceptsConfidentiality = true,
                Relationships = command.Relationships.Where(r => !r.IsBlank)
                    .Select(r => new DeclaredRelationship { Kind = r.Kind!.Value, With = r.With!.Trim(), Details = r.Details?.Trim() ?? "" }).ToList(),
            };
            db.JurorDeclarations.Add(declaration);
            db.Audit(now, member.UserId, "juror.declaration", $"juror:{member.Id}",
                $"relationships: {string.Join(", ", declaration.Relationships.Select(r => r.Kind))}");
            await db.InTransactionAsync(async ct =>
            {
                await db.SaveChangesAsync(ct);
                await detection.RunAsync(member.CallId, now, ct, juryMemberId: member.Id);
                await db.SaveChangesAsync(ct);
            }, ct);
            return Unit.Value;
        }
    }
}
