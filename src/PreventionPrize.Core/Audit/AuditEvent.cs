namespace PreventionPrize.Core.Audit;

/// <summary>
/// An append-only record of a workflow or security event, written in the same SaveChanges as the change
/// it describes so that the record and the change cannot disagree.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 64;
    public const int SubjectMaxLength = 128;
    public const int DetailsMaxLength = 4000;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The signed-in user's id, or null for the system or an anonymous visitor.</summary>
    public string? ActorId { get; set; }

    /// <summary>A dotted verb, e.g. <c>call.opened</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What the event is about, e.g. <c>call:DPP-2026</c>.</summary>
    public string Subject { get; set; } = "";

    public string? Details { get; set; }
}
