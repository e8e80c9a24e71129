using PreventionPrize.Core.Accounts;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.Web.Infrastructure.Email;

/// <summary>
/// The account e-mails (confirmation, password reset, "you already have an account"), queued in the outbox in the
/// account's language. The caller saves: the mail commits with the change that asked for it. Each request is its
/// own event (a person asking twice for a link gets two), so the key carries a fresh id.
/// </summary>
public sealed class AccountMail(MailOutbox outbox)
{
    public Task QueueConfirmationAsync(AppUser user, string linkPath, CancellationToken ct) =>
        outbox.EnqueueAsync(Key("account.confirm", user), MailRecipient.Of(user), new ConfirmAccountMail(linkPath), ct);

    public Task QueuePasswordResetAsync(AppUser user, string linkPath, CancellationToken ct) =>
        outbox.EnqueueAsync(Key("account.reset", user), MailRecipient.Of(user), new ResetPasswordMail(linkPath), ct);

    public Task QueueAlreadyRegisteredAsync(AppUser user, CancellationToken ct) =>
        outbox.EnqueueAsync(Key("account.existing", user), MailRecipient.Of(user), new AlreadyRegisteredMail("/account/forgot-password"), ct);

    /// <summary>The link goes to the new address, in the account's language; nothing goes to the old one but a notice.</summary>
    public Task QueueEmailChangeAsync(AppUser user, string newEmail, string linkPath, CancellationToken ct) =>
        outbox.EnqueueAsync(Key("account.change-email", user), new MailRecipient(newEmail, null, user.PreferredLanguage), new ChangeEmailMail(linkPath), ct);

    public Task QueueSecurityNoticeAsync(AppUser user, SecurityChange change, DateTime atUtc, CancellationToken ct) =>
        outbox.EnqueueAsync(Key("account.security-notice", user), MailRecipient.Of(user), new SecurityNoticeMail(change, atUtc), ct);

    private static string Key(string kind, AppUser user) => $"{kind}:{user.Id}:{Guid.NewGuid():N}";
}
