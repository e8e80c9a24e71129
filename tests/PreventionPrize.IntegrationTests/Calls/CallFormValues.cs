using PreventionPrize.Core.Time;

namespace PreventionPrize.IntegrationTests.Calls;

/// <summary>The fields a Secretariat member types into the call form, as strings, the way a browser posts them.</summary>
public static class CallFormValues
{
    public static List<KeyValuePair<string, string>> Valid(string code, DateTime opensUtc, DateTime closesUtc, int graceMinutes = 10) =>
    [
        new("Code", code),
        new("TitleEn", $"Digital Prevention Prize {code}"),
        new("TitleFr", $"Prix de la prévention numérique {code}"),
        new("DescriptionEn", "Awards for projects that prevent digital harms."),
        new("DescriptionFr", "Des prix pour des projets qui préviennent les risques numériques."),
        new("RulesEn", "At least two people with a formal structure."),
        new("RulesFr", "Au moins deux personnes dotées d'une structure formelle."),
        new("OpensAtLocal", Local(opensUtc)),
        new("ClosesAtLocal", Local(closesUtc)),
        new("GraceMinutes", graceMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>What a datetime-local input posts: Strasbourg wall-clock time, to the minute.</summary>
    public static string Local(DateTime utc) => Strasbourg.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> values, string name, string value)
    {
        values.RemoveAll(v => v.Key == name);
        values.Add(new(name, value));
        return values;
    }
}
