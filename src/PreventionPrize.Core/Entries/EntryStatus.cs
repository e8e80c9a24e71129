namespace PreventionPrize.Core.Entries;

/// <summary>The entry's lifecycle (PRODUCT.md). Judging states come with the scoring issues.</summary>
public enum EntryStatus
{
    Draft,
    Submitted,
    Withdrawn,
    Eligible,
    Ineligible,
}
