using FluentValidation;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>
/// What any save must respect, draft or not: the storage caps and sane numbers. Deliberately lenient, so an
/// unfinished draft always saves; completeness is <see cref="EntrySubmitRules"/>'s job.
/// </summary>
public sealed class EntryDraftRules : AbstractValidator<EntryForm>
{
    public const int MaxPeople = 10_000_000;

    public EntryDraftRules(IStringLocalizer<SharedResource> l)
    {
        foreach (var (field, max) in ShortFields) RuleFor(Text(field)).MaxChars(l, Label(field), max).OverridePropertyName(field);
        foreach (var field in LongFields) RuleFor(Text(field)).MaxChars(l, Label(field), Entry.LongTextMaxLength).OverridePropertyName(field);
        RuleFor(f => f.SocialLinks).MaxChars(l, Label(nameof(EntryForm.SocialLinks)), 2000);
        foreach (var (field, read) in Counts)
            RuleFor(read).InclusiveBetween(0, MaxPeople).When(f => read.Compile()(f).HasValue)
                .WithMessage(_ => l["Entry.Validation.Number", l[Label(field)], MaxPeople]).OverridePropertyName(field);
        RuleFor(f => f.TeamMembers.Count).LessThanOrEqualTo(30).OverridePropertyName(nameof(EntryForm.TeamMembers))
            .WithMessage(_ => l["Entry.Validation.TooManyMembers", 30]);
        RuleForEach(f => f.TeamMembers).ChildRules(member =>
        {
            member.RuleFor(m => m.Name).MaxChars(l, "Entry.Field.MemberName", TeamMember.NameMaxLength);
            member.RuleFor(m => m.Email).MaxChars(l, "Entry.Field.MemberEmail", 254);
            member.RuleFor(m => m.Role).MaxChars(l, "Entry.Field.MemberRole", TeamMember.RoleMaxLength);
        });
        RuleForEach(f => f.ImplementationCountries).Must(Countries.IsKnownCode).WithMessage(_ => l["Validation.UnknownCountry", "?"]);
        RuleFor(f => f.JuryRelationships.Count).LessThanOrEqualTo(100).OverridePropertyName(nameof(EntryForm.JuryRelationships))
            .WithMessage(_ => l["JurorProfile.TooMany", 100]);
        RuleForEach(f => f.JuryRelationships).ChildRules(relationship =>
            relationship.RuleFor(r => r.Reason).MaxChars(l, "Entry.JuryRelationship.Reason", JuryRelationship.ReasonMaxLength));
    }

    public static string Label(string field) => "Entry.Field." + field;

    internal static System.Linq.Expressions.Expression<Func<EntryForm, string?>> Text(string field)
    {
        var form = System.Linq.Expressions.Expression.Parameter(typeof(EntryForm), "f");
        return System.Linq.Expressions.Expression.Lambda<Func<EntryForm, string?>>(System.Linq.Expressions.Expression.Property(form, field), form);
    }

    private static readonly (string Field, int Max)[] ShortFields =
    [
        (nameof(EntryForm.OrganisationName), Entry.ShortTextMaxLength),
        (nameof(EntryForm.OrganisationType), 40),
        (nameof(EntryForm.Website), Entry.UrlMaxLength),
        (nameof(EntryForm.ContactName), Entry.ShortTextMaxLength),
        (nameof(EntryForm.ContactEmail), 254),
        (nameof(EntryForm.FormalStructureEvidenceUrl), Entry.UrlMaxLength),
        (nameof(EntryForm.Title), Entry.ShortTextMaxLength),
        (nameof(EntryForm.DigitalBehaviourOther), Entry.ShortTextMaxLength),
    ];

    /// <summary>The answers with a per-call word limit, in the order of the form.</summary>
    internal static readonly string[] LongFields =
    [
        nameof(EntryForm.Summary), nameof(EntryForm.Description), nameof(EntryForm.YouthInvolvement),
        nameof(EntryForm.Evaluation), nameof(EntryForm.HumanRights), nameof(EntryForm.Replication),
    ];

    private static readonly (string Field, System.Linq.Expressions.Expression<Func<EntryForm, int?>> Read)[] Counts =
    [
        (nameof(EntryForm.ParticipantsUnder25), f => f.ParticipantsUnder25),
        (nameof(EntryForm.ParticipantsUnder18), f => f.ParticipantsUnder18),
        (nameof(EntryForm.Adults), f => f.Adults),
    ];
}

/// <summary>
/// Everything a submission needs, against the call's own limits. Built per submission (it needs the call and
/// whether an evidence file was uploaded), run by the submit handler after the draft is saved.
/// </summary>
public sealed class EntrySubmitRules : AbstractValidator<EntryForm>
{
    public EntrySubmitRules(IStringLocalizer<SharedResource> l, EntryRules rules, bool hasEvidenceFile, DateOnly today)
    {
        Include(new EntryDraftRules(l));
        RuleFor(f => f.OrganisationName).Required(l, EntryDraftRules.Label(nameof(EntryForm.OrganisationName)));
        RuleFor(f => f.OrganisationType).Must(t => t is not null && Vocabulary.OrganisationTypes.Contains(t))
            .WithMessage(_ => l["Validation.Required", l[EntryDraftRules.Label(nameof(EntryForm.OrganisationType))]]);
        RuleFor(f => f.Website).Must(ValidationRules.BeAWebAddress).When(f => !string.IsNullOrWhiteSpace(f.Website))
            .WithMessage(_ => l["Entry.Validation.Url", l[EntryDraftRules.Label(nameof(EntryForm.Website))]]);
        RuleFor(f => f.ContactName).Required(l, EntryDraftRules.Label(nameof(EntryForm.ContactName)));
        RuleFor(f => f.ContactEmail).Email(l).OverridePropertyName(nameof(EntryForm.ContactEmail));
        RuleFor(f => f.FilledTeamMembers).Must(m => m.Any()).OverridePropertyName(nameof(EntryForm.TeamMembers))
            .WithMessage(_ => l["Entry.Validation.TwoPeople"]);
        RuleForEach(f => f.TeamMembers)
            .Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Email) || !string.IsNullOrWhiteSpace(m.Role))
            .ChildRules(member =>
            {
                member.RuleFor(m => m.Name).Required(l, "Entry.Field.MemberName");
                member.RuleFor(m => m.Email).Email(l);
                member.RuleFor(m => m.Role).Required(l, "Entry.Field.MemberRole");
            });
        RuleFor(f => f.FormalStructureEvidenceUrl)
            .Must(url => hasEvidenceFile || ValidationRules.BeAWebAddress(url)).WithMessage(_ => l["Entry.Validation.Evidence"]);

        RuleFor(f => f.Title).Required(l, EntryDraftRules.Label(nameof(EntryForm.Title)));
        WordLimit(l, f => f.Summary, nameof(EntryForm.Summary), rules.SummaryWords);
        WordLimit(l, f => f.Description, nameof(EntryForm.Description), rules.DescriptionWords);
        WordLimit(l, f => f.YouthInvolvement, nameof(EntryForm.YouthInvolvement), rules.YouthInvolvementWords);
        WordLimit(l, f => f.Evaluation, nameof(EntryForm.Evaluation), rules.EvaluationWords);
        WordLimit(l, f => f.HumanRights, nameof(EntryForm.HumanRights), rules.HumanRightsWords);
        WordLimit(l, f => f.Replication, nameof(EntryForm.Replication), rules.ReplicationWords);
        RuleFor(f => f.ParticipantsUnder25).Required(l, EntryDraftRules.Label(nameof(EntryForm.ParticipantsUnder25)));
        RuleFor(f => f.ParticipantsUnder18).Required(l, EntryDraftRules.Label(nameof(EntryForm.ParticipantsUnder18)));
        RuleFor(f => f.Adults).Required(l, EntryDraftRules.Label(nameof(EntryForm.Adults)));
        RuleFor(f => f.ParticipantsUnder18).LessThanOrEqualTo(f => f.ParticipantsUnder25)
            .When(f => f.ParticipantsUnder18.HasValue && f.ParticipantsUnder25.HasValue)
            .WithMessage(_ => l["Entry.Validation.Under18WithinUnder25"]);
        RuleFor(f => f.DigitalBehaviours).Must(b => b.Any(Vocabulary.DigitalBehaviours.Contains)).WithMessage(_ => l["Entry.Validation.Behaviours"]);
        RuleFor(f => f.DigitalBehaviourOther).Required(l, EntryDraftRules.Label(nameof(EntryForm.DigitalBehaviourOther)))
            .When(f => f.DigitalBehaviours.Contains("other"));
        RuleFor(f => f.TargetGroups).Must(g => g.Any(Vocabulary.TargetGroups.Contains)).WithMessage(_ => l["Entry.Validation.TargetGroups"]);
        RuleFor(f => f.ImplementationCountries).Must(c => c.Count > 0).WithMessage(_ => l["Entry.Validation.Countries"]);
        RuleFor(f => f.StartDate).Required(l, EntryDraftRules.Label(nameof(EntryForm.StartDate)));
        RuleFor(f => f.StartDate).LessThanOrEqualTo(today).When(f => f.StartDate.HasValue).WithMessage(_ => l["Entry.Validation.StartInFuture"]);
        RuleFor(f => f.EndDate).NotNull().When(f => !f.Ongoing).WithMessage(_ => l["Entry.Validation.EndOrOngoing"]);
        RuleForEach(f => f.JuryRelationships).Where(r => r.Declared).ChildRules(relationship =>
        {
            relationship.RuleFor(r => r.Kind).Required(l, "Entry.JuryRelationship.Kind");
            relationship.RuleFor(r => r.Reason).Required(l, "Entry.JuryRelationship.Reason");
        });
        RuleFor(f => f.EndDate).GreaterThanOrEqualTo(f => f.StartDate).When(f => !f.Ongoing && f.StartDate.HasValue && f.EndDate.HasValue)
            .WithMessage(_ => l["Entry.Validation.EndBeforeStart"]);
        RuleFor(f => f.DeclarationTrue).Equal(true).WithMessage(_ => l["Entry.Validation.Declaration"]);
    }

    private void WordLimit(IStringLocalizer l, System.Linq.Expressions.Expression<Func<EntryForm, string?>> read, string field, int limit) =>
        RuleFor(read).Cascade(CascadeMode.Stop)
            .Required(l, EntryDraftRules.Label(field))
            .Must(text => WordCount.Count(text) <= limit)
            .WithMessage(f => l["Entry.Validation.WordLimit", l[EntryDraftRules.Label(field)], WordCount.Count(read.Compile()(f)), limit]);
}
