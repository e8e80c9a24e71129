using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace PreventionPrize.Web.Features.AuditTrail;

/// <summary>
/// A reader's name for each dotted action (resx <c>AuditAction.&lt;action&gt;</c>). The trail stores the dotted action, so
/// an action without a label yet still shows, as itself.
/// </summary>
public static class AuditLabels
{
    public static readonly string[] Known =
    [
        "account.registered", "account.email-confirmed", "account.signed-in", "account.sign-in-failed", "account.password-reset",
        "account.2fa-enabled", "account.2fa-disabled", "account.2fa-failed", "account.recovery-code-used", "account.recovery-codes",
        "account.reauthenticated", "account.reauthentication-failed", "account.password-changed", "account.email-change-requested",
        "account.email-changed", "account.passkey-added", "account.passkey-removed", "account.disabled", "account.enabled",
        "account.data-exported", "account.erased",
        "role.granted", "role.revoked",
        "call.created", "call.edited", "call.opened", "call.closed", "call.deadline-moved", "call.countryrule",
        "entry.started", "entry.submitted", "entry.resubmitted", "entry.withdrawn", "entry.screened", "entries.exported",
        "entry.anonymised", "entry.deleted",
        "attachment.uploaded", "attachment.deleted", "attachment.released", "attachment.withheld",
        "jury.invited", "jury.invitation.resent", "jury.accepted", "jury.declined", "jury.revoked", "jury.published", "jury.unpublished",
        "jury.guardianconsent", "juror.declaration", "juror.profile", "juror.noconflict", "juror.recused", "juror.erased",
        "conflict.detected", "conflict.added", "conflict.pinned", "conflict.cleared",
        "round.created", "round.changed", "round.deadline-moved", "round.criteria", "round.published", "round.reminded", "round.closed", "round.reopened", "round.shortlisted",
        "assignment.computed", "assignment.repaired", "assignment.added", "assignment.removed", "assignment.imported", "assignment.exported",
        "assignment.lock", "assignment.unlock", "assignment.remove",
        "score.saved", "score.submitted", "results.exported",
        "decision.recorded", "results.releaseinstant", "results.released",
        "kit.saved", "kit.submitted", "kit.edited", "kit.approved",
        "outbox.retried", "outbox.resent", "outbox.cancelled", "outbox.marked-sent", "outbox.bulk.prepared", "outbox.bulk.released", "outbox.bulk.discarded",
        "audit.exported",
    ];

    /// <summary>The first word of every known action, offered as filters (<c>score</c> finds every <c>score.*</c>).</summary>
    public static readonly string[] Families = Known.Select(a => a[..a.IndexOf('.')]).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static string Label(IStringLocalizer l, string action)
    {
        var label = l[$"AuditAction.{action}"];
        return label.ResourceNotFound ? action : label.Value;
    }

    public static string Label(IHtmlLocalizer l, string action)
    {
        var label = l[$"AuditAction.{action}"];
        return label.IsResourceNotFound ? action : label.Value;
    }
}
