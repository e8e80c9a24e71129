namespace PreventionPrize.Scoring;

public enum CalibrationStatus
{
    Calibrated,
    NotEnoughData,
}

/// <summary>
/// A juror's leniency (positive) or severity (negative) in score points, relative to the average juror of the round.
/// <see cref="Effect"/> is null whenever <see cref="Status"/> is not <see cref="CalibrationStatus.Calibrated"/>.
/// </summary>
public sealed record JurorEffect(int Juror, int ScoreCount, double? Effect, CalibrationStatus Status, string? Reason);

/// <summary>An entry's raw mean and rank beside its calibrated score and rank (null when the round is not calibrated).</summary>
public sealed record CalibratedEntry(
    int Entry, int Count, double RawMean, int RawRank, double? EntryEffect, double? CalibratedScore, int? CalibratedRank);

/// <summary>
/// The fit of score = μ + entryEffect + jurorEffect + ε. When <see cref="Status"/> is NotEnoughData, <see cref="Reason"/>
/// says why, every juror carries that status, and the entries have raw figures only.
/// </summary>
public sealed record CalibrationResult(
    CalibrationStatus Status,
    string? Reason,
    double? GrandMean,
    IReadOnlyList<JurorEffect> Jurors,
    IReadOnlyList<CalibratedEntry> Entries);
