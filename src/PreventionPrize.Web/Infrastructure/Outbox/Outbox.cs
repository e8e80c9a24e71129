using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;

namespace PreventionPrize.Web.Infrastructure.Outbox;

public sealed record MailRecipient(string Address, string? Name, string Language)
{
    public static MailRecipient Of(AppUser user) => new(user.Email!, null, user.PreferredLanguage);
}

/// <summary>
/// How handlers send mail: the row is added to the handler's own DbContext and commits in the handler's
/// SaveChanges, with the change that caused it; if that fails, there is no mail. The idempotency key names the
/// event, so the same event enqueued twice is "already queued" and never a second row.
/// </summary>
public sealed class MailOutbox(PrizeDbContext db, MailRenderer renderer, TimeProvider clock, IOptions<MailOptions> options)
{
    /// <summary>Adds the mail (not saved yet); false when this event's mail is already queued or sent.</summary>
    public async Task<bool> EnqueueAsync(string idempotencyKey, MailRecipient to, MailModel model, CancellationToken ct, Guid? heldInBulk = null)
    {
        if (db.OutboxMessages.Local.Any(m => m.IdempotencyKey == idempotencyKey)) return false;
        if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, ct)) return false;
        db.OutboxMessages.Add(Create(idempotencyKey, to, renderer.Render(model, to.Language), clock.GetUtcNow().UtcDateTime, options.Value, heldInBulk));
        return true;
    }

    public static OutboxMessage Create(string idempotencyKey, MailRecipient to, RenderedMail mail, DateTime nowUtc, MailOptions options, Guid? heldInBulk = null)
    {
        if (idempotencyKey.Length > OutboxMessage.IdempotencyKeyMaxLength) throw new ArgumentException("Idempotency key too long", nameof(idempotencyKey));
        var id = Guid.CreateVersion7(nowUtc);
        var name = string.IsNullOrWhiteSpace(to.Name) ? null : MailRenderer.OneLine(to.Name, OutboxMessage.NameMaxLength);
        return new OutboxMessage
        {
            Id = id,
            IdempotencyKey = idempotencyKey,
            Kind = mail.Kind,
            ToAddress = to.Address.Trim(),
            ToName = name,
            Language = mail.Language,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            MessageId = $"{id:N}@{options.EffectiveMessageIdDomain}",
            State = heldInBulk is null ? OutboxState.Queued : OutboxState.Held,
            BulkId = heldInBulk,
            NextAttemptAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
        };
    }
}
