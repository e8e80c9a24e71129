namespace PreventionPrize.Scoring;

/// <summary>One juror's score for one entry, on one criterion or as a weighted total.</summary>
public readonly record struct Score(int Entry, int Juror, double Value);

/// <summary>
/// A criterion with its weight and the scores given on it. Pairs are missing where a juror was not assigned the entry,
/// declared a conflict, or left the criterion blank.
/// </summary>
public sealed record Criterion(string Name, double Weight, IReadOnlyList<Score> Scores);
