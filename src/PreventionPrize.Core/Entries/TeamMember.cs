namespace PreventionPrize.Core.Entries;

/// <summary>A co-applicant. Identity: never shown to the jury.</summary>
public sealed class TeamMember
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 200;

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
}
