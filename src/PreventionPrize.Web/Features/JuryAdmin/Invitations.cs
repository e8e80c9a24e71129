using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Jury;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.Web.Features.JuryAdmin;

/// <summary>
/// Gives an invitation a fresh link and queues the e-mail that carries it. A resend replaces the token, so
/// only the newest link works; the mail commits with the caller's change through the outbox.
/// </summary>
public sealed class Invitations(MailOutbox outbox)
{
    public async Task IssueAsync(JuryMember member, Call call, DateTime nowUtc, CancellationToken ct)
    {
        var (token, hash) = InvitationTokens.New();
        member.TokenHash = hash;
        member.Status = InvitationStatus.Invited;
        member.InvitedAtUtc = nowUtc;
        member.ExpiresAtUtc = nowUtc + InvitationTokens.Lifetime;
        var title = member.Language == "fr" ? call.TitleFr : call.TitleEn;
        await outbox.EnqueueAsync($"jury.invitation:{hash}", new MailRecipient(member.Email, member.Name, member.Language),
            new JurorInvitationMail(title, member.Name, member.ExpiresAtUtc, $"/jury/invitations/{token}"), ct);
    }
}
