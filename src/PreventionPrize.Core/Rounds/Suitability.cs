namespace PreventionPrize.Core.Rounds;

/// <summary>
/// How well a juror suits an entry (docs/assignment.md): expertise that matches the digital behaviours and target
/// groups the entry addresses, less a penalty for each soft conflict. Integers, so the flow solver is exact.
/// </summary>
public static class Suitability
{
    public const int PerBehaviour = 10;
    public const int PerTargetGroup = 5;
    public const int SoftConflictPenalty = 30;

    public sealed record Part(string Kind, string Code, int Value);

    public sealed record Score(int Value, IReadOnlyList<Part> Parts)
    {
        /// <summary>Language-neutral, stored with the assignment: <c>behaviour:gaming=+10;soft:SameCountry=-30</c>.</summary>
        public string Explanation => string.Join(';', Parts.Select(p => $"{p.Kind}:{p.Code}={p.Value:+0;-0}"));
    }

    public static Score Of(
        IReadOnlyCollection<string> jurorBehaviours, IReadOnlyCollection<string> jurorTargets,
        IEnumerable<string> entryBehaviours, IEnumerable<string> entryTargets, IEnumerable<string> softConflictTypes)
    {
        var parts = entryBehaviours.Where(jurorBehaviours.Contains).Select(b => new Part("behaviour", b, PerBehaviour))
            .Concat(entryTargets.Where(jurorTargets.Contains).Select(t => new Part("target", t, PerTargetGroup)))
            .Concat(softConflictTypes.Distinct().Select(c => new Part("soft", c, -SoftConflictPenalty)))
            .ToList();
        return new Score(parts.Sum(p => p.Value), parts);
    }

    public static IReadOnlyList<Part> Parse(string explanation) =>
        explanation.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(item =>
        {
            var (kindCode, value) = (item[..item.LastIndexOf('=')], int.Parse(item[(item.LastIndexOf('=') + 1)..]));
            var colon = kindCode.IndexOf(':');
            return new Part(kindCode[..colon], kindCode[(colon + 1)..], value);
        }).ToList();
}
