namespace PreventionPrize.Core.Calls;

/// <summary>The Pompidou Group's official languages, in which entries may be written.</summary>
public static class EntryLanguages
{
    public const string English = "en";
    public const string French = "fr";

    public static readonly IReadOnlyList<string> All = [English, French];
}
