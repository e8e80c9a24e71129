namespace PreventionPrize.Scoring;

/// <summary>
/// How firmly an entry holds its place when the jury had been drawn differently: the share of resamples that put it in
/// the top N, and the 95% percentile interval of its rank (1 = best).
/// </summary>
public sealed record EntryStability(int Entry, int ObservedRank, double TopShare, int RankLow, int RankHigh);

public sealed record StabilityResult(int TopN, int Resamples, int Seed, IReadOnlyList<EntryStability> Entries);
