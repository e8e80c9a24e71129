namespace PreventionPrize.Core.Entries;

/// <summary>
/// A copy of the entry as it was at each submission, kept for the record (and for the receipt). The unique
/// (EntryId, SubmissionKey) index is what makes a double click or a retried request one submission.
/// </summary>
public sealed class EntryVersion
{
    public long Id { get; set; }
    public int EntryId { get; set; }
    public int Number { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public bool Late { get; set; }

    /// <summary>The entry's content as JSON (see <see cref="EntrySnapshot"/>).</summary>
    public string Snapshot { get; set; } = "";
}
