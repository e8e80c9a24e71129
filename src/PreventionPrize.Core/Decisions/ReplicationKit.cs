namespace PreventionPrize.Core.Decisions;

/// <summary>
/// What another team needs to replicate a winning project, structured after the European Drug Prevention Quality
/// Standards' project cycle. The team writes it (in one language or both) after the release; the Secretariat adds
/// a translation where needed — labelled as such — and approves it before it is published.
/// </summary>
public sealed class ReplicationKit
{
    public const int FieldMaxLength = 6000;

    /// <summary>The sections in the order of the project cycle: each has a label <c>Kit.{Name}</c> and a hint <c>Kit.{Name}.Hint</c>.</summary>
    public static readonly string[] Sections =
    [
        nameof(KitTexts.NeedsAssessment), nameof(KitTexts.TargetGroup), nameof(KitTexts.DigitalBehaviour), nameof(KitTexts.YouthParticipation),
        nameof(KitTexts.Activities), nameof(KitTexts.Resources), nameof(KitTexts.Duration), nameof(KitTexts.Evaluation),
        nameof(KitTexts.Conditions), nameof(KitTexts.Materials), nameof(KitTexts.Contact),
    ];

    public int Id { get; set; }
    public int EntryId { get; set; }
    public KitTexts En { get; set; } = new();
    public KitTexts Fr { get; set; } = new();
    /// <summary>True when that language's text is a translation (by the Secretariat), not the team's own words.</summary>
    public bool EnIsTranslation { get; set; }
    public bool FrIsTranslation { get; set; }
    public KitStatus Status { get; set; } = KitStatus.Draft;
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedById { get; set; }
    public int Version { get; set; }
}

public enum KitStatus { Draft, Submitted, Approved }

public sealed class KitTexts
{
    public string NeedsAssessment { get; set; } = "";
    public string TargetGroup { get; set; } = "";
    public string DigitalBehaviour { get; set; } = "";
    public string YouthParticipation { get; set; } = "";
    public string Activities { get; set; } = "";
    public string Resources { get; set; } = "";
    public string Duration { get; set; } = "";
    public string Evaluation { get; set; } = "";
    public string Conditions { get; set; } = "";
    public string Materials { get; set; } = "";
    public string Contact { get; set; } = "";

    public string this[string section]
    {
        get => (string)typeof(KitTexts).GetProperty(section)!.GetValue(this)!;
        set => typeof(KitTexts).GetProperty(section)!.SetValue(this, value);
    }

    public bool IsEmpty => ReplicationKit.Sections.All(s => string.IsNullOrWhiteSpace(this[s]));
}
