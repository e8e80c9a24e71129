namespace PreventionPrize.Core.Leasing;

/// <summary>
/// One row per scheduled job (draft reminders, results release, retention). An instance runs a pass only while it
/// holds the row's lease, so several app instances on one database never run the same pass at once.
/// </summary>
public sealed class ScheduledJob : ILeased
{
    public const int NameMaxLength = 64;

    public string Name { get; set; } = "";
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>When a pass last finished, for the Secretariat's view and the tests.</summary>
    public DateTime? LastRunAtUtc { get; set; }
    public int Runs { get; set; }
}
