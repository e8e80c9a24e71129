using PreventionPrize.Core.Calls;

namespace PreventionPrize.Core.Entries;

/// <summary>
/// An application to a call. Identity fields (organisation, people, links, country) are never shown to the
/// jury; the practice fields are. The form says which is which, and so do the comments here.
/// </summary>
public sealed class Entry
{
    public const int ShortTextMaxLength = 300;
    public const int UrlMaxLength = 500;
    /// <summary>A hard cap well above any word limit, so a draft keeps everything typed but cannot grow without bound.</summary>
    public const int LongTextMaxLength = 20000;

    public int Id { get; set; }
    public int CallId { get; set; }
    public Call Call { get; set; } = null!;
    public string OwnerId { get; set; } = "";

    /// <summary>"en" or "fr": the language the entry is written in, and of every e-mail about it.</summary>
    public string Language { get; set; } = "en";

    public EntryStatus Status { get; set; } = EntryStatus.Draft;

    /// <summary>Sequence within the call, given at the first submission; with the call's code it makes the reference.</summary>
    public int? Number { get; set; }
    public string? Reference { get; set; }

    public EligibilityAnswers Eligibility { get; set; } = new();

    // Identity: not shown to the jury.
    public string OrganisationName { get; set; } = "";
    public string OrganisationType { get; set; } = "";
    public string Website { get; set; } = "";
    public string SocialLinks { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string FormalStructureEvidenceUrl { get; set; } = "";
    public List<TeamMember> TeamMembers { get; set; } = [];
    /// <summary>Jurors of the published jury the applicant declares a relationship with: each becomes a hard conflict.</summary>
    public List<JuryRelationship> JuryRelationships { get; set; } = [];

    // The practice: shown to the jury.
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public string YouthInvolvement { get; set; } = "";
    public int? ParticipantsUnder25 { get; set; }
    public int? ParticipantsUnder18 { get; set; }
    public int? Adults { get; set; }
    public List<string> DigitalBehaviours { get; set; } = [];
    public string DigitalBehaviourOther { get; set; } = "";
    public List<string> TargetGroups { get; set; } = [];
    public List<string> ImplementationCountries { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool Ongoing { get; set; }
    public string Evaluation { get; set; } = "";
    public string HumanRights { get; set; } = "";
    public string Replication { get; set; } = "";

    public bool ConsentToPublication { get; set; }
    public bool DeclarationTrue { get; set; }

    /// <summary>Codes like <c>Summary:email</c> for shown fields that may name the team; recomputed at every save.</summary>
    public List<string> IdentifierWarnings { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public bool Late { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }

    public DateTime? ScreenedAtUtc { get; set; }
    public string? ScreenedById { get; set; }
    public string? ScreeningReason { get; set; }

    /// <summary>When the retention job (or the owner's account deletion) replaced the entry's personal data.</summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    /// <summary>Application-managed concurrency token (see <see cref="Call.Version"/>).</summary>
    public int Version { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
    public List<EntryVersion> Versions { get; set; } = [];

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The applicant may still change or withdraw it: a draft, or submitted while the call accepts entries.</summary>
    public bool IsOpenToApplicant => Status is EntryStatus.Draft or EntryStatus.Submitted;
}
