using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>
/// Everything the applicant types on the entry form, used by saving a draft, autosave and submitting.
/// Strings stay nullable and untrimmed until copied, so a re-shown form holds exactly what was typed.
/// </summary>
public class EntryForm
{
    /// <summary>From the address only: a forged "Id" field that does not bind would re-show the form for entry 0.</summary>
    [FromRoute(Name = "id")]
    public int Id { get; set; }
    public int Version { get; set; }

    public string? OrganisationName { get; set; }
    public string? OrganisationType { get; set; }
    public string? Website { get; set; }
    public string? SocialLinks { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? FormalStructureEvidenceUrl { get; set; }
    public List<TeamMemberForm> TeamMembers { get; set; } = [];

    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? YouthInvolvement { get; set; }
    public int? ParticipantsUnder25 { get; set; }
    public int? ParticipantsUnder18 { get; set; }
    public int? Adults { get; set; }
    public List<string> DigitalBehaviours { get; set; } = [];
    public string? DigitalBehaviourOther { get; set; }
    public List<string> TargetGroups { get; set; } = [];
    public List<string> ImplementationCountries { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool Ongoing { get; set; }
    public string? Evaluation { get; set; }
    public string? HumanRights { get; set; }
    public string? Replication { get; set; }
    public bool ConsentToPublication { get; set; }
    public bool DeclarationTrue { get; set; }
    /// <summary>One row per juror of the published jury; only ticked rows are relationships.</summary>
    public List<JuryRelationshipForm> JuryRelationships { get; set; } = [];

    /// <summary>Rows the applicant filled in; blank rows of the form are not people.</summary>
    public IEnumerable<TeamMemberForm> FilledTeamMembers =>
        TeamMembers.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Email) || !string.IsNullOrWhiteSpace(m.Role));

    public void CopyTo(Entry entry)
    {
        entry.OrganisationName = Clean(OrganisationName);
        entry.OrganisationType = Clean(OrganisationType);
        entry.Website = Clean(Website);
        entry.SocialLinks = Clean(SocialLinks);
        entry.ContactName = Clean(ContactName);
        entry.ContactEmail = Clean(ContactEmail);
        entry.FormalStructureEvidenceUrl = Clean(FormalStructureEvidenceUrl);
        entry.TeamMembers = FilledTeamMembers.Select(m => new TeamMember { Name = Clean(m.Name), Email = Clean(m.Email), Role = Clean(m.Role) }).ToList();
        entry.Title = Clean(Title);
        entry.Summary = Clean(Summary);
        entry.Description = Clean(Description);
        entry.YouthInvolvement = Clean(YouthInvolvement);
        entry.ParticipantsUnder25 = ParticipantsUnder25;
        entry.ParticipantsUnder18 = ParticipantsUnder18;
        entry.Adults = Adults;
        entry.DigitalBehaviours = Vocabulary.DigitalBehaviours.Where(DigitalBehaviours.Contains).ToList();
        entry.DigitalBehaviourOther = Clean(DigitalBehaviourOther);
        entry.TargetGroups = Vocabulary.TargetGroups.Where(TargetGroups.Contains).ToList();
        entry.ImplementationCountries = ImplementationCountries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        entry.StartDate = StartDate;
        entry.EndDate = Ongoing ? null : EndDate;
        entry.Ongoing = Ongoing;
        entry.Evaluation = Clean(Evaluation);
        entry.HumanRights = Clean(HumanRights);
        entry.Replication = Clean(Replication);
        entry.ConsentToPublication = ConsentToPublication;
        entry.DeclarationTrue = DeclarationTrue;
        entry.JuryRelationships = JuryRelationships.Where(r => r.Declared).DistinctBy(r => r.JuryMemberId)
            .Select(r => new JuryRelationship { JuryMemberId = r.JuryMemberId, Kind = r.Kind ?? Core.Jury.RelationshipKind.Other, Reason = Clean(r.Reason) })
            .ToList();
    }

    public static T From<T>(Entry entry) where T : EntryForm, new() => new()
    {
        Id = entry.Id,
        Version = entry.Version,
        OrganisationName = entry.OrganisationName,
        OrganisationType = entry.OrganisationType,
        Website = entry.Website,
        SocialLinks = entry.SocialLinks,
        ContactName = entry.ContactName,
        ContactEmail = entry.ContactEmail,
        FormalStructureEvidenceUrl = entry.FormalStructureEvidenceUrl,
        TeamMembers = entry.TeamMembers.Select(m => new TeamMemberForm { Name = m.Name, Email = m.Email, Role = m.Role }).ToList(),
        Title = entry.Title,
        Summary = entry.Summary,
        Description = entry.Description,
        YouthInvolvement = entry.YouthInvolvement,
        ParticipantsUnder25 = entry.ParticipantsUnder25,
        ParticipantsUnder18 = entry.ParticipantsUnder18,
        Adults = entry.Adults,
        DigitalBehaviours = [.. entry.DigitalBehaviours],
        DigitalBehaviourOther = entry.DigitalBehaviourOther,
        TargetGroups = [.. entry.TargetGroups],
        ImplementationCountries = [.. entry.ImplementationCountries],
        StartDate = entry.StartDate,
        EndDate = entry.EndDate,
        Ongoing = entry.Ongoing,
        Evaluation = entry.Evaluation,
        HumanRights = entry.HumanRights,
        Replication = entry.Replication,
        ConsentToPublication = entry.ConsentToPublication,
        DeclarationTrue = entry.DeclarationTrue,
        JuryRelationships = entry.JuryRelationships
            .Select(r => new JuryRelationshipForm { JuryMemberId = r.JuryMemberId, Declared = true, Kind = r.Kind, Reason = r.Reason }).ToList(),
    };

    // Only the ends are trimmed: line breaks inside an answer are the applicant's layout.
    private static string Clean(string? value) => value?.Trim() ?? "";
}

public sealed class TeamMemberForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
}

/// <summary>"We have a relationship with this juror": the applicant's side of conflict declarations.</summary>
public sealed class JuryRelationshipForm
{
    public int JuryMemberId { get; set; }
    public bool Declared { get; set; }
    public Core.Jury.RelationshipKind? Kind { get; set; }
    public string? Reason { get; set; }
}
