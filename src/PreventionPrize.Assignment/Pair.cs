namespace PreventionPrize.Assignment;

/// <summary>A juror reading an entry. Indices are 0-based positions in the problem, not database ids.</summary>
public readonly record struct Pair(int Entry, int Juror);

/// <summary>How well a juror suits an entry; pairs without one are worth 0.</summary>
public readonly record struct Affinity(int Entry, int Juror, int Value);
