namespace PreventionPrize.Core.Outbox;

/// <summary>
/// Where a mail is in its life. Queued → Claimed (leased by one dispatcher) → Sending (SMTP transaction
/// started) → Sent; a temporary failure goes back to Queued with a later attempt, a permanent one to Failed.
/// Unknown means the connection died after the message data went out: the server may or may not have it, so a
/// person decides (mark as sent, or resend) instead of a blind retry. Held is a bulk message awaiting review.
/// </summary>
public enum OutboxState
{
    Queued,
    Held,
    Claimed,
    Sending,
    Sent,
    Failed,
    Unknown,
    Cancelled,
}
