namespace PreventionPrize.Core.Jury;

/// <summary>
/// The juror's answer the first time they opened an entry: no conflict (this row), or a recusal (a
/// <see cref="Conflict"/> with source <see cref="ConflictSource.Recusal"/>). Until one exists the blind view
/// asks the question before it shows anything.
/// </summary>
public sealed class FirstSight
{
    public int Id { get; set; }
    public int JuryMemberId { get; set; }
    public int EntryId { get; set; }
    public DateTime ConfirmedAtUtc { get; set; }
}
