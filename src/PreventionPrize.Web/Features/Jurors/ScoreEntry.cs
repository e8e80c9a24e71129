using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Scoring;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Jurors;

/// <summary>
/// A juror's score sheet for an entry in the open round that gives it to them: a draft saves whatever is filled
/// in; submitting needs every criterion. Changeable until the round closes; every change is audited with the old
/// and new values. Only after the first-sight question: a juror never scores an entry they did not clear.
/// </summary>
public static class ScoreEntry
{
    public sealed class Command : ICommand
    {
        [FromRoute] public string Code { get; set; } = "";
        [FromRoute] public string Reference { get; set; } = "";
        public List<CriterionValue> Values { get; set; } = [];
        public string? Comment { get; set; }
        public string? Feedback { get; set; }
        /// <summary>True for "submit my scores", false for "save a draft".</summary>
        public bool Submit { get; set; }
        public int Version { get; set; }

        /// <summary>The blind entry and the sheet around the form; null when the form comes back with errors (the view reads them again).</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
        public (ShowBlindEntry.Model Entry, ScoreSheet.Model Sheet)? Page { get; set; }

        public static Command For(string code, string reference, ShowBlindEntry.Model entry, ScoreSheet.Model sheet) => new()
        {
            Code = code, Reference = reference, Page = (entry, sheet), Comment = sheet.Sheet?.Comment, Feedback = sheet.Sheet?.Feedback,
            Version = sheet.Sheet?.Version ?? 0, Values = sheet.Sheet?.Values ?? [],
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Comment).MaxChars(l, "Scoring.Comment", JurorScore.CommentMaxLength);
            RuleFor(c => c.Feedback).MaxChars(l, "Scoring.Feedback", JurorScore.CommentMaxLength);
            RuleFor(c => c.Values.Count).LessThanOrEqualTo(50).OverridePropertyName(nameof(Command.Values)).WithMessage(_ => l["JurorProfile.TooMany", 50]);
        }
    }

    public sealed class Handler(PrizeDbContext db, JurorMembership membership, JuryPolicy policy, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var member = await membership.ForCallAsync(command.Code, ct);
            var entryId = await policy.VisibleIdAsync(member, command.Reference, ct);
            var round = await policy.RoundsGiving(member.Id, entryId).Include(r => r.Criteria).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
            if (round.Status != RoundStatus.Open) throw Rejection.Because(l["Rounds.Closed"]);
            if (!await db.FirstSightAnsweredAsync(member.Id, entryId, ct)) throw Rejection.Because(l["Scoring.FirstSightFirst"]);

            var values = Check(round, command);
            var sheet = await db.Scores.SingleOrDefaultAsync(s => s.RoundId == round.Id && s.EntryId == entryId && s.JuryMemberId == member.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            (ScoreStatus Status, List<CriterionValue> Values, string Comment, string Feedback)? before =
                sheet is null ? null : (sheet.Status, sheet.Values.ToList(), sheet.Comment, sheet.Feedback);
            var created = sheet is null;
            if (sheet is null)
            {
                sheet = new JurorScore { RoundId = round.Id, EntryId = entryId, JuryMemberId = member.Id };
                db.Scores.Add(sheet);
            }
            else
            {
                if (sheet.Version != command.Version) throw Rejection.Because(l["Scoring.ChangedElsewhere"]);
                db.Entry(sheet).Property(s => s.Version).OriginalValue = command.Version;
            }
            sheet.Values = values;
            sheet.Comment = command.Comment?.Trim() ?? "";
            sheet.Feedback = command.Feedback?.Trim() ?? "";
            // A submitted sheet stays submitted: changing it is a new submission, never a step back to draft.
            if (command.Submit || sheet.Status == ScoreStatus.Submitted) (sheet.Status, sheet.SubmittedAtUtc) = (ScoreStatus.Submitted, now);
            sheet.UpdatedAtUtc = now;
            sheet.Version++;
            db.Audit(now, member.UserId, command.Submit ? "score.submitted" : "score.saved", $"entry:{entryId}",
                $"round:{round.Id} juror:{member.Id}: {before?.Status.ToString() ?? "none"} -> {sheet.Status}; "
                + Changes(before?.Values ?? [], sheet.Values)
                + $"; comment {Changed(before?.Comment ?? "", sheet.Comment)}; feedback {Changed(before?.Feedback ?? "", sheet.Feedback)}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Rejection.Because(l["Scoring.ChangedElsewhere"]);
            }
            catch (DbUpdateException) when (created)
            {
                // A double click on a first sheet: both requests saw none, the unique index stopped the second.
                if (!await db.Scores.AsNoTracking().AnyAsync(s => s.RoundId == round.Id && s.EntryId == entryId && s.JuryMemberId == member.Id, ct)) throw;
                throw Rejection.Because(l["Scoring.ChangedElsewhere"]);
            }
            return Unit.Value;
        }

        /// <summary>Values only for the round's criteria and within their scales; all of them to submit.</summary>
        private List<CriterionValue> Check(Round round, Command command)
        {
            var values = new List<CriterionValue>();
            foreach (var criterion in round.Criteria.OrderBy(c => c.Position))
            {
                var value = command.Values.FirstOrDefault(v => v.CriterionId == criterion.Id)?.Value;
                if (value is { } v && (v < criterion.ScaleMin || v > criterion.ScaleMax))
                    throw Rejection.Because(l["Scoring.OutOfScale", Cultures.Pick(criterion.NameEn, criterion.NameFr), criterion.ScaleMin, criterion.ScaleMax], $"criterion-{criterion.Id}");
                if (value is null && command.Submit)
                    throw Rejection.Because(l["Scoring.Missing", Cultures.Pick(criterion.NameEn, criterion.NameFr)], $"criterion-{criterion.Id}");
                values.Add(new CriterionValue { CriterionId = criterion.Id, Value = value });
            }
            return values;
        }

        /// <summary>
        /// Every criterion of the round as <c>id: old -&gt; new</c>, "-" where no level is given (not scored yet, or left
        /// blank): with the status, enough to rebuild the sheet at any moment from the trail alone. Ids only, never text.
        /// </summary>
        private static string Changes(List<CriterionValue> before, List<CriterionValue> after) =>
            string.Join(", ", after.Select(v => $"{v.CriterionId}: {Level(before.FirstOrDefault(b => b.CriterionId == v.CriterionId)?.Value)} -> {Level(v.Value)}"));

        private static string Level(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

        private static string Changed(string before, string after) => before == after ? "unchanged" : "changed";
    }
}
