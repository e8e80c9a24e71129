namespace PreventionPrize.Core.Entries;

/// <summary>
/// The controlled lists the entry form offers. Stored as these codes; each has a label in both languages in the
/// resource file (<c>Org.NGO</c>, <c>Behaviour.gaming</c>, <c>Target.parents</c>…).
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> OrganisationTypes = ["NGO", "PublicBody", "School", "Private", "Voluntary", "Other"];

    public static readonly IReadOnlyList<string> DigitalBehaviours = ["gaming", "gambling", "social-media", "streaming", "online-shopping", "other"];

    public static readonly IReadOnlyList<string> TargetGroups =
        ["children", "adolescents", "young-adults", "parents", "teachers", "youth-workers", "health-professionals", "general-public"];
}
