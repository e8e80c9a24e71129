using System.Text.Json;

namespace PreventionPrize.Core.Entries;

/// <summary>What was submitted, as kept in <see cref="EntryVersion.Snapshot"/> and copied into the receipt.</summary>
public sealed record EntrySnapshot(
    string? Reference, string Language, EligibilityAnswers Eligibility,
    string OrganisationName, string OrganisationType, string Website, string SocialLinks,
    string ContactName, string ContactEmail, string FormalStructureEvidenceUrl, IReadOnlyList<TeamMember> TeamMembers,
    string Title, string Summary, string Description, string YouthInvolvement,
    int? ParticipantsUnder25, int? ParticipantsUnder18, int? Adults,
    IReadOnlyList<string> DigitalBehaviours, string DigitalBehaviourOther, IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> ImplementationCountries, DateOnly? StartDate, DateOnly? EndDate, bool Ongoing,
    string Evaluation, string HumanRights, string Replication, bool ConsentToPublication,
    IReadOnlyList<SnapshotAttachment> Attachments)
{
    public static EntrySnapshot Of(Entry e) => new(
        e.Reference, e.Language, e.Eligibility,
        e.OrganisationName, e.OrganisationType, e.Website, e.SocialLinks,
        e.ContactName, e.ContactEmail, e.FormalStructureEvidenceUrl, [.. e.TeamMembers],
        e.Title, e.Summary, e.Description, e.YouthInvolvement,
        e.ParticipantsUnder25, e.ParticipantsUnder18, e.Adults,
        [.. e.DigitalBehaviours], e.DigitalBehaviourOther, [.. e.TargetGroups],
        [.. e.ImplementationCountries], e.StartDate, e.EndDate, e.Ongoing,
        e.Evaluation, e.HumanRights, e.Replication, e.ConsentToPublication,
        e.Attachments.Select(a => new SnapshotAttachment(a.OriginalName, a.Size, a.Sha256)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this);
}

public sealed record SnapshotAttachment(string Name, long Size, string Sha256);
