using PreventionPrize.Core.Leasing;

namespace PreventionPrize.Core.Outbox;

/// <summary>
/// One e-mail, written in the same SaveChanges as the change that causes it and rendered at that moment, so the
/// row is the record of what was sent: subject, both bodies, language and a Message-Id fixed before any attempt.
/// </summary>
public sealed class OutboxMessage : ILeased
{
    public const int IdempotencyKeyMaxLength = 200;
    public const int KindMaxLength = 64;
    public const int AddressMaxLength = 254;
    public const int NameMaxLength = 200;
    public const int LanguageMaxLength = 5;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 200_000;
    public const int MessageIdMaxLength = 300;
    public const int LeaseOwnerMaxLength = 100;
    public const int LastErrorMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>Names the event that caused the mail (e.g. <c>submission.receipt:42:user-id</c>); unique, so an event enqueues once.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>The template key, e.g. <c>account.confirm</c>.</summary>
    public string Kind { get; set; } = "";

    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }

    /// <summary>"en" or "fr": the recipient's language, the one the mail is written in.</summary>
    public string Language { get; set; } = "en";

    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The Message-Id header (without angle brackets), the same on every attempt so receivers can drop a duplicate.</summary>
    public string MessageId { get; set; } = "";

    public OutboxState State { get; set; } = OutboxState.Queued;

    /// <summary>SMTP attempts made so far (a connection that failed counts).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public int? LastSmtpCode { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The bulk message this row belongs to (rows created Held together, released or discarded together).</summary>
    public Guid? BulkId { get; set; }

    /// <summary>States a dispatcher may claim from: queued and due, or claimed by a dispatcher whose lease ran out.</summary>
    public static readonly OutboxState[] Claimable = [OutboxState.Queued, OutboxState.Claimed];

    /// <summary>States a person may cancel: nothing is on the wire.</summary>
    public static readonly OutboxState[] Cancellable = [OutboxState.Queued, OutboxState.Held, OutboxState.Failed, OutboxState.Unknown];
}
