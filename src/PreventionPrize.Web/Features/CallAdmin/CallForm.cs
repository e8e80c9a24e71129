using FluentValidation;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.CallAdmin;

/// <summary>
/// The fields the Secretariat edits on a call, shared by <see cref="CreateCall"/> and <see cref="EditCall"/>.
/// Instants are typed as Strasbourg wall-clock times and stored in UTC.
/// </summary>
public class CallForm
{
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionFr { get; set; }
    public string? RulesEn { get; set; }
    public string? RulesFr { get; set; }
    public DateTime? OpensAtLocal { get; set; }
    public DateTime? ClosesAtLocal { get; set; }
    public int? GraceMinutes { get; set; } = 15;

    /// <summary>Months after the results' release before unsuccessful entries are anonymised (docs/decisions/013-retention.md).</summary>
    public int? RetentionMonths { get; set; } = Call.DefaultRetentionMonths;

    /// <summary>
    /// Council of Europe member states ticked on the form. Empty by default: an unticked checkbox posts nothing,
    /// so a non-empty default would silently come back when the user unticks every box.
    /// </summary>
    public List<string> MemberCountries { get; set; } = [];

    /// <summary>Further ISO codes, separated by commas or spaces (Pompidou Group members, observers, MedNET).</summary>
    public string? OtherCountries { get; set; }

    public List<string> EntryLanguages { get; set; } = [];

    /// <summary>Word limits, attachment limits and the "recently finished" window: the defaults suit the Pompidou prize.</summary>
    public EntryRules EntryRules { get; set; } = new() { AttachmentKinds = [] };

    /// <summary>What a new call starts with: every member state, both languages, a quarter-hour of grace.</summary>
    public T WithDefaults<T>() where T : CallForm
    {
        MemberCountries = [.. Countries.DefaultEligibleCodes];
        EntryLanguages = [.. Core.Calls.EntryLanguages.All];
        GraceMinutes = 15;
        RetentionMonths = Call.DefaultRetentionMonths;
        EntryRules = new EntryRules();
        return (T)this;
    }

    public List<string> EligibleCountryCodes() =>
        MemberCountries.Concat(SplitCodes(OtherCountries)).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();

    internal static IEnumerable<string> SplitCodes(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant());

    public void CopyTo(Call call)
    {
        call.TitleEn = TitleEn!.Trim();
        call.TitleFr = TitleFr!.Trim();
        call.DescriptionEn = DescriptionEn?.Trim() ?? "";
        call.DescriptionFr = DescriptionFr?.Trim() ?? "";
        call.RulesEn = RulesEn?.Trim() ?? "";
        call.RulesFr = RulesFr?.Trim() ?? "";
        call.OpensAtUtc = Strasbourg.ToUtc(OpensAtLocal!.Value);
        call.ClosesAtUtc = Strasbourg.ToUtc(ClosesAtLocal!.Value);
        call.GraceMinutes = GraceMinutes!.Value;
        call.RetentionMonths = RetentionMonths!.Value;
        call.EligibleCountries = EligibleCountryCodes();
        call.EntryLanguages = Core.Calls.EntryLanguages.All.Where(EntryLanguages.Contains).ToList();
        call.EntryRules = new EntryRules
        {
            SummaryWords = EntryRules.SummaryWords,
            DescriptionWords = EntryRules.DescriptionWords,
            YouthInvolvementWords = EntryRules.YouthInvolvementWords,
            EvaluationWords = EntryRules.EvaluationWords,
            HumanRightsWords = EntryRules.HumanRightsWords,
            ReplicationWords = EntryRules.ReplicationWords,
            RecentlyFinishedMonths = EntryRules.RecentlyFinishedMonths,
            MaxAttachments = EntryRules.MaxAttachments,
            MaxAttachmentMegabytes = EntryRules.MaxAttachmentMegabytes,
            AttachmentKinds = AttachmentKinds.All.Where(EntryRules.AttachmentKinds.Contains).ToList(),
        };
    }

    public void CopyFrom(Call call)
    {
        TitleEn = call.TitleEn;
        TitleFr = call.TitleFr;
        DescriptionEn = call.DescriptionEn;
        DescriptionFr = call.DescriptionFr;
        RulesEn = call.RulesEn;
        RulesFr = call.RulesFr;
        OpensAtLocal = Strasbourg.ToLocal(call.OpensAtUtc);
        ClosesAtLocal = Strasbourg.ToLocal(call.ClosesAtUtc);
        GraceMinutes = call.GraceMinutes;
        RetentionMonths = call.RetentionMonths;
        var members = Countries.DefaultEligibleCodes.ToHashSet();
        MemberCountries = call.EligibleCountries.Where(members.Contains).ToList();
        OtherCountries = string.Join(", ", call.EligibleCountries.Where(c => !members.Contains(c)));
        EntryLanguages = [.. call.EntryLanguages];
        EntryRules = call.EntryRules;
    }
}

public sealed class CallFormValidator : AbstractValidator<CallForm>
{
    public CallFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(c => c.TitleEn).Required(l, "Field.TitleEn").MaxChars(l, "Field.TitleEn", Call.TitleMaxLength);
        RuleFor(c => c.TitleFr).Required(l, "Field.TitleFr").MaxChars(l, "Field.TitleFr", Call.TitleMaxLength);
        RuleFor(c => c.DescriptionEn).MaxChars(l, "Field.DescriptionEn", Call.DescriptionMaxLength);
        RuleFor(c => c.DescriptionFr).MaxChars(l, "Field.DescriptionFr", Call.DescriptionMaxLength);
        RuleFor(c => c.RulesEn).MaxChars(l, "Field.RulesEn", Call.RulesMaxLength);
        RuleFor(c => c.RulesFr).MaxChars(l, "Field.RulesFr", Call.RulesMaxLength);
        RuleFor(c => c.OpensAtLocal).Required(l, "Field.OpensAt");
        RuleFor(c => c.ClosesAtLocal).Required(l, "Field.ClosesAt");
        RuleFor(c => c.ClosesAtLocal)
            .Must((form, closes) => Strasbourg.ToUtc(closes!.Value) > Strasbourg.ToUtc(form.OpensAtLocal!.Value))
            .When(c => c.OpensAtLocal.HasValue && c.ClosesAtLocal.HasValue)
            .WithMessage(_ => l["Validation.ClosesBeforeOpens"]);
        RuleFor(c => c.GraceMinutes).Required(l, "Field.GraceMinutes")
            .InclusiveBetween(0, Call.MaxGraceMinutes).WithMessage(_ => l["Validation.GraceRange", Call.MaxGraceMinutes]);
        RuleFor(c => c.RetentionMonths).Required(l, "Field.RetentionMonths")
            .InclusiveBetween(1, Call.MaxRetentionMonths).WithMessage(_ => l["Validation.Range", l["Field.RetentionMonths"], 1, Call.MaxRetentionMonths]);
        RuleFor(c => c.EntryLanguages)
            .Must(languages => languages.Count > 0 && languages.All(Core.Calls.EntryLanguages.All.Contains))
            .WithMessage(_ => l["Validation.LanguagesRequired"]);
        RuleFor(c => c.MemberCountries)
            .Must(codes => codes.All(code => Countries.DefaultEligibleCodes.Contains(code)))
            .WithMessage(_ => l["Validation.UnknownCountry", "?"]);
        RuleFor(c => c.OtherCountries)
            .Must(text => CallForm.SplitCodes(text).All(Countries.IsKnownCode))
            .WithMessage(c => l["Validation.UnknownCountry", string.Join(", ", CallForm.SplitCodes(c.OtherCountries).Where(code => !Countries.IsKnownCode(code)))]);
        RuleFor(c => c.OtherCountries).MaxChars(l, "Field.OtherCountries", 1000);
        RuleFor(c => c.EntryRules).SetValidator(new EntryRulesValidator(l));
        RuleFor(c => c).Must(c => c.EligibleCountryCodes().Count > 0)
            .WithName(nameof(CallForm.MemberCountries)).OverridePropertyName(nameof(CallForm.MemberCountries))
            .WithMessage(_ => l["Validation.CountriesRequired"]);
    }
}

public sealed class EntryRulesValidator : AbstractValidator<EntryRules>
{
    public EntryRulesValidator(IStringLocalizer<SharedResource> l)
    {
        foreach (var (name, read) in new (string, System.Linq.Expressions.Expression<Func<EntryRules, int>>)[]
        {
            (nameof(EntryRules.SummaryWords), r => r.SummaryWords), (nameof(EntryRules.DescriptionWords), r => r.DescriptionWords),
            (nameof(EntryRules.YouthInvolvementWords), r => r.YouthInvolvementWords), (nameof(EntryRules.EvaluationWords), r => r.EvaluationWords),
            (nameof(EntryRules.HumanRightsWords), r => r.HumanRightsWords), (nameof(EntryRules.ReplicationWords), r => r.ReplicationWords),
        })
            RuleFor(read).InclusiveBetween(10, 3000).WithMessage(_ => l["Validation.Range", l[$"Field.{name}"], 10, 3000]);
        RuleFor(r => r.RecentlyFinishedMonths).InclusiveBetween(0, 120).WithMessage(_ => l["Validation.Range", l["Field.RecentlyFinishedMonths"], 0, 120]);
        RuleFor(r => r.MaxAttachments).InclusiveBetween(0, 20).WithMessage(_ => l["Validation.Range", l["Field.MaxAttachments"], 0, 20]);
        RuleFor(r => r.MaxAttachmentMegabytes).InclusiveBetween(1, 50).WithMessage(_ => l["Validation.Range", l["Field.MaxAttachmentMegabytes"], 1, 50]);
        RuleFor(r => r.AttachmentKinds).Must(kinds => kinds.All(AttachmentKinds.All.Contains)).WithMessage(_ => l["Validation.Range", l["Field.AttachmentKinds"], "", ""]);
    }
}
