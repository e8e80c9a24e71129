using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Kits;

/// <summary>The replication kit's two languages as the form posts them (the team's form and the Secretariat's review).</summary>
public class KitForm
{
    [FromRoute] public int EntryId { get; set; }
    public KitTexts En { get; set; } = new();
    public KitTexts Fr { get; set; } = new();
    public int Version { get; set; }

    /// <summary>Some sections of one language filled in and others not: a kit goes out complete in at least one language.</summary>
    public bool CompleteInOneLanguage => new[] { En, Fr }.Any(t => ReplicationKit.Sections.All(s => !string.IsNullOrWhiteSpace(t[s])));

    public static T From<T>(ReplicationKit? kit, int entryId) where T : KitForm, new() =>
        new() { EntryId = entryId, En = kit?.En ?? new(), Fr = kit?.Fr ?? new(), Version = kit?.Version ?? 0 };

    public void CopyTo(ReplicationKit kit)
    {
        foreach (var section in ReplicationKit.Sections)
        {
            kit.En[section] = (En[section] ?? "").Trim();
            kit.Fr[section] = (Fr[section] ?? "").Trim();
        }
    }
}

public sealed class KitFormRules<T> : AbstractValidator<T> where T : KitForm
{
    public KitFormRules(IStringLocalizer<SharedResource> l)
    {
        foreach (var section in ReplicationKit.Sections)
        {
            RuleFor(f => f.En[section]).MaximumLength(ReplicationKit.FieldMaxLength).OverridePropertyName($"En.{section}")
                .WithMessage(_ => l["Validation.TooLong", l[$"Kit.{section}"], ReplicationKit.FieldMaxLength]);
            RuleFor(f => f.Fr[section]).MaximumLength(ReplicationKit.FieldMaxLength).OverridePropertyName($"Fr.{section}")
                .WithMessage(_ => l["Validation.TooLong", l[$"Kit.{section}"], ReplicationKit.FieldMaxLength]);
        }
    }
}
