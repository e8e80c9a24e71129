using PreventionPrize.Scoring;

namespace PreventionPrize.ScoringTests;

/// <summary>Builds scores from the tables papers print: one row per entry, one column per juror, null for a gap.</summary>
internal static class Matrix
{
    public static IReadOnlyList<Score> Rows(double?[][] rows) =>
        rows.SelectMany((row, e) => row.Select((v, j) => (v, j)).Where(c => c.v is not null)
            .Select(c => new Score(e + 1, c.j + 1, c.v!.Value)))
            .ToList();

    /// <summary>Transposes a table printed with observers as rows and units as columns.</summary>
    public static IReadOnlyList<Score> ObserverRows(double?[][] observers) =>
        observers.SelectMany((row, j) => row.Select((v, e) => (v, e)).Where(c => c.v is not null)
            .Select(c => new Score(c.e + 1, j + 1, c.v!.Value)))
            .ToList();
}
