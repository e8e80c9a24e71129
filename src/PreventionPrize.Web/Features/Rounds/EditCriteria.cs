using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>
/// A round's criteria: names, plain-language descriptions, weights, scales and a description of every level, in
/// both languages (levels typed one per line, lowest first). Fixed once the first score is saved, so every juror
/// scores against the same rubric.
/// </summary>
public static class EditCriteria
{
    public sealed record Query(int RoundId) : IQuery<Command>;

    public sealed class Row
    {
        public int Id { get; set; }
        public bool Remove { get; set; }
        public string? NameEn { get; set; }
        public string? NameFr { get; set; }
        public string? DescriptionEn { get; set; }
        public string? DescriptionFr { get; set; }
        public int Weight { get; set; } = 1;
        public int ScaleMin { get; set; } = 1;
        public int ScaleMax { get; set; } = 5;
        public string? LevelsEn { get; set; }
        public string? LevelsFr { get; set; }

        public bool IsBlank => Id == 0 && string.IsNullOrWhiteSpace(NameEn) && string.IsNullOrWhiteSpace(NameFr);
        public static string[] Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }

    public sealed class Command : ICommand
    {
        [FromRoute] public int RoundId { get; set; }
        public List<Row> Criteria { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Criteria).Must(c => c.Count(r => !r.IsBlank && !r.Remove) is > 0 and <= 20).WithMessage(_ => l["Criteria.Count"]);
            RuleForEach(c => c.Criteria).Where(r => !r.IsBlank && !r.Remove).ChildRules(row =>
            {
                row.RuleFor(r => r.NameEn).Required(l, "Criteria.NameEn").MaxChars(l, "Criteria.NameEn", Criterion.NameMaxLength);
                row.RuleFor(r => r.NameFr).Required(l, "Criteria.NameFr").MaxChars(l, "Criteria.NameFr", Criterion.NameMaxLength);
                row.RuleFor(r => r.DescriptionEn).MaxChars(l, "Criteria.DescriptionEn", Criterion.DescriptionMaxLength);
                row.RuleFor(r => r.DescriptionFr).MaxChars(l, "Criteria.DescriptionFr", Criterion.DescriptionMaxLength);
                row.RuleFor(r => r.Weight).InclusiveBetween(1, 100).WithMessage(_ => l["Rounds.Validation.Range", l["Criteria.Weight"], 1, 100]);
                row.RuleFor(r => r.ScaleMin).InclusiveBetween(0, 10).WithMessage(_ => l["Rounds.Validation.Range", l["Criteria.ScaleMin"], 0, 10]);
                row.RuleFor(r => r.ScaleMax).InclusiveBetween(1, 10).GreaterThan(r => r.ScaleMin).WithMessage(_ => l["Criteria.Scale"]);
                row.RuleFor(r => r.LevelsEn).Must((r, text) => Row.Lines(text).Length == r.ScaleMax - r.ScaleMin + 1)
                    .WithMessage((r, _) => l["Criteria.Levels", r.ScaleMax - r.ScaleMin + 1, l["Criteria.LevelsEn"]]);
                row.RuleFor(r => r.LevelsFr).Must((r, text) => Row.Lines(text).Length == r.ScaleMax - r.ScaleMin + 1)
                    .WithMessage((r, _) => l["Criteria.Levels", r.ScaleMax - r.ScaleMin + 1, l["Criteria.LevelsFr"]]);
            });
        }
    }

    public sealed class QueryHandler(PrizeDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var criteria = await db.Criteria.AsNoTracking().Where(c => c.RoundId == query.RoundId).OrderBy(c => c.Position).ToListAsync(ct);
            if (!await db.Rounds.AnyAsync(r => r.Id == query.RoundId, ct)) throw new NotFoundException();
            return new Command
            {
                RoundId = query.RoundId,
                Criteria = criteria.Select(c => new Row
                {
                    Id = c.Id, NameEn = c.NameEn, NameFr = c.NameFr, DescriptionEn = c.DescriptionEn, DescriptionFr = c.DescriptionFr, Weight = c.Weight,
                    ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax,
                    LevelsEn = string.Join('\n', c.Levels.OrderBy(x => x.Score).Select(x => x.TextEn)),
                    LevelsFr = string.Join('\n', c.Levels.OrderBy(x => x.Score).Select(x => x.TextFr)),
                }).Append(new Row()).ToList(),
            };
        }
    }

    public sealed class Handler(PrizeDbContext db, TimeProvider clock, CurrentUser user, IStringLocalizer<SharedResource> l) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Rounds.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new NotFoundException();
            if (await db.Scores.AnyAsync(s => s.RoundId == round.Id, ct)) throw Rejection.Because(l["Criteria.Locked"]);
            var position = 0;
            foreach (var row in command.Criteria.Where(r => !r.IsBlank))
            {
                var criterion = row.Id == 0 ? null : round.Criteria.SingleOrDefault(c => c.Id == row.Id);
                if (row.Remove) { if (criterion is not null) round.Criteria.Remove(criterion); continue; }
                if (criterion is null) round.Criteria.Add(criterion = new Criterion());
                var (en, fr) = (Row.Lines(row.LevelsEn), Row.Lines(row.LevelsFr));
                criterion.Position = ++position;
                (criterion.NameEn, criterion.NameFr) = (row.NameEn!.Trim(), row.NameFr!.Trim());
                (criterion.DescriptionEn, criterion.DescriptionFr) = (row.DescriptionEn?.Trim() ?? "", row.DescriptionFr?.Trim() ?? "");
                (criterion.Weight, criterion.ScaleMin, criterion.ScaleMax) = (row.Weight, row.ScaleMin, row.ScaleMax);
                criterion.Levels = Enumerable.Range(0, en.Length).Select(i => new CriterionLevel { Score = row.ScaleMin + i, TextEn = en[i], TextFr = fr[i] }).ToList();
            }
            round.Touch();
            db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "round.criteria", $"round:{round.Id}",
                string.Join("; ", round.Criteria.OrderBy(c => c.Position).Select(c => $"{c.NameEn} ×{c.Weight} [{c.ScaleMin}-{c.ScaleMax}]")));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
