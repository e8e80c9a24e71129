using FluentValidation;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Rounds;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Rounds;

/// <summary>A round's settings as the form posts them; the deadline is typed in Strasbourg time.</summary>
public class RoundForm
{
    public string? NameEn { get; set; }
    public string? NameFr { get; set; }
    public DateTime? ScoringDeadlineLocal { get; set; }
    public AssignmentMode Mode { get; set; } = AssignmentMode.EveryJurorEveryEntry;
    public int JurorsPerEntry { get; set; } = 3;
    public int MinLoad { get; set; }
    public int MaxLoad { get; set; } = 20;
    public int? MaxJurorsPerCountry { get; set; }
    public Core.Scoring.ScoreVisibility ScoreVisibility { get; set; }

    public void CopyTo(Round round)
    {
        round.NameEn = NameEn!.Trim();
        round.NameFr = NameFr!.Trim();
        round.ScoringDeadlineUtc = Strasbourg.ToUtc(ScoringDeadlineLocal!.Value);
        round.Mode = Mode;
        (round.JurorsPerEntry, round.MinLoad, round.MaxLoad, round.MaxJurorsPerCountry) = (JurorsPerEntry, MinLoad, MaxLoad, MaxJurorsPerCountry);
        round.ScoreVisibility = ScoreVisibility;
    }

    public static T From<T>(Round round) where T : RoundForm, new() => new()
    {
        NameEn = round.NameEn, NameFr = round.NameFr, ScoringDeadlineLocal = Strasbourg.ToLocal(round.ScoringDeadlineUtc), Mode = round.Mode,
        JurorsPerEntry = round.JurorsPerEntry, MinLoad = round.MinLoad, MaxLoad = round.MaxLoad, MaxJurorsPerCountry = round.MaxJurorsPerCountry,
        ScoreVisibility = round.ScoreVisibility,
    };
}

public sealed class RoundFormRules<T> : AbstractValidator<T> where T : RoundForm
{
    public RoundFormRules(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.NameEn).Required(l, "Rounds.Field.NameEn").MaxChars(l, "Rounds.Field.NameEn", Round.NameMaxLength);
        RuleFor(f => f.NameFr).Required(l, "Rounds.Field.NameFr").MaxChars(l, "Rounds.Field.NameFr", Round.NameMaxLength);
        RuleFor(f => f.ScoringDeadlineLocal).Required(l, "Rounds.Field.Deadline");
        RuleFor(f => f.JurorsPerEntry).InclusiveBetween(1, 50).WithMessage(_ => l["Rounds.Validation.Range", l["Rounds.Field.JurorsPerEntry"], 1, 50]);
        RuleFor(f => f.MinLoad).InclusiveBetween(0, 10000).WithMessage(_ => l["Rounds.Validation.Range", l["Rounds.Field.MinLoad"], 0, 10000]);
        RuleFor(f => f.MaxLoad).InclusiveBetween(1, 10000).WithMessage(_ => l["Rounds.Validation.Range", l["Rounds.Field.MaxLoad"], 1, 10000])
            .GreaterThanOrEqualTo(f => f.MinLoad).WithMessage(_ => l["Rounds.Validation.MaxBelowMin"]);
        RuleFor(f => f.MaxJurorsPerCountry).InclusiveBetween(1, 50).When(f => f.MaxJurorsPerCountry.HasValue)
            .WithMessage(_ => l["Rounds.Validation.Range", l["Rounds.Field.CountryCap"], 1, 50]);
    }
}
