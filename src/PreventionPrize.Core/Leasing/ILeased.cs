namespace PreventionPrize.Core.Leasing;

/// <summary>
/// A row that one worker at a time may hold for a while: an outbox message now, a scheduled job (reminders,
/// retention) later. Whoever wins the conditional update owns it until <see cref="LeaseUntilUtc"/>.
/// </summary>
public interface ILeased
{
    string? LeaseOwner { get; set; }
    DateTime? LeaseUntilUtc { get; set; }
}
