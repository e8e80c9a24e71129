using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Outbox;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>
/// Queues the e-mails about an entry in the outbox, always in the entry's language, to the owner's account and to
/// the contact person when that is another address. The caller's SaveChanges commits them with the change; the
/// idempotency key names the event, so a retried request never queues a second copy.
/// </summary>
public sealed class EntryMail(MailOutbox outbox, IStringLocalizer<SharedResource> l)
{
    public async Task QueueReceiptAsync(Entry entry, EntryVersion version, string? ownerEmail, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> answers;
        using (Cultures.Use(entry.Language)) answers = Copy(entry);
        var model = new SubmissionReceiptMail(CallTitle(entry), entry.Reference!, version.SubmittedAtUtc,
            entry.Call.ClosesAtUtc.AddMinutes(entry.Call.GraceMinutes), answers, $"/entries/{entry.Id}");
        await QueueAsync($"entry.receipt:{entry.Id}:v{version.Number}", entry, ownerEmail, model, ct);
    }

    public Task QueueWithdrawalAsync(Entry entry, string? ownerEmail, CancellationToken ct) =>
        QueueAsync($"entry.withdrawn:{entry.Id}", entry, ownerEmail,
            new WithdrawalMail(CallTitle(entry), entry.Reference ?? CallTitle(entry), entry.WithdrawnAtUtc!.Value), ct);

    /// <summary>Each decision is its own event (a changed decision is told again), named by when it was taken.</summary>
    public Task<int> QueueEligibilityOutcomeAsync(Entry entry, string? ownerEmail, CancellationToken ct) =>
        QueueAsync($"entry.screened:{entry.Id}:{entry.ScreenedAtUtc!.Value.Ticks}", entry, ownerEmail,
            new EligibilityOutcomeMail(CallTitle(entry), entry.Reference ?? "", entry.Status == EntryStatus.Eligible, entry.ScreeningReason, $"/entries/{entry.Id}"), ct);

    /// <summary>The result, once per entry, when the embargo lifts; the jury's feedback (unnamed) when jurors wrote any.</summary>
    public Task<int> QueueResultAsync(Entry entry, string? ownerEmail, Core.Decisions.Decision decision, string? feedback, CancellationToken ct) =>
        QueueAsync($"results:{entry.Id}", entry, ownerEmail, ResultModel(entry, decision, feedback), ct);

    /// <summary>The result e-mail of an entry, as queued at the release and as the Secretariat previews it before.</summary>
    public static ResultMail ResultModel(Entry entry, Core.Decisions.Decision decision, string? feedback)
    {
        var outcome = decision.Outcome switch
        {
            Core.Decisions.Outcome.Finalist => ResultOutcome.Finalist,
            Core.Decisions.Outcome.NotSelected => ResultOutcome.NotSelected,
            _ => ResultOutcome.Winner,
        };
        return new ResultMail(CallTitle(entry), entry.Reference ?? "", outcome, Core.Decisions.Outcomes.Place(decision.Outcome), feedback, $"/entries/{entry.Id}");
    }

    /// <summary>Returns how many addresses the mail was queued for (0 when neither address is usable).</summary>
    private async Task<int> QueueAsync(string key, Entry entry, string? ownerEmail, MailModel model, CancellationToken ct)
    {
        var queued = 0;
        foreach (var (role, address) in new[] { ("owner", ownerEmail), ("contact", entry.ContactEmail) }
                     .Where(r => ValidationRules.BeAnEmailAddress(r.Item2))
                     .DistinctBy(r => r.Item2!.ToLowerInvariant()))
        {
            await outbox.EnqueueAsync($"{key}:{role}", new MailRecipient(address!, null, entry.Language), model, ct);
            queued++;
        }
        return queued;
    }

    private static string CallTitle(Entry entry) => entry.Language == "fr" ? entry.Call.TitleFr : entry.Call.TitleEn;

    /// <summary>The submitted answers as label/value pairs, in the current (the entry's) language.</summary>
    private List<KeyValuePair<string, string>> Copy(Entry e)
    {
        string Label(string field) => l[EntryDraftRules.Label(field)];
        string Join(IEnumerable<string> codes, string prefix) => string.Join(", ", codes.Select(c => l[prefix + c].Value));
        var culture = Cultures.DateCulture;
        return new List<(string, string)>
        {
            (Label(nameof(Entry.OrganisationName)), e.OrganisationName),
            (Label(nameof(Entry.OrganisationType)), string.IsNullOrEmpty(e.OrganisationType) ? "" : l[$"Org.{e.OrganisationType}"]),
            (Label(nameof(Entry.ContactName)), $"{e.ContactName} <{e.ContactEmail}>"),
            (l["Entry.Field.TeamMembers"], string.Join("\n", e.TeamMembers.Select(m => $"{m.Name} <{m.Email}>, {m.Role}"))),
            (Label(nameof(Entry.Website)), e.Website),
            (Label(nameof(Entry.SocialLinks)), e.SocialLinks),
            (Label(nameof(Entry.FormalStructureEvidenceUrl)), e.FormalStructureEvidenceUrl),
            (Label(nameof(Entry.Title)), e.Title),
            (Label(nameof(Entry.Summary)), e.Summary),
            (Label(nameof(Entry.Description)), e.Description),
            (Label(nameof(Entry.YouthInvolvement)), e.YouthInvolvement),
            (Label(nameof(Entry.ParticipantsUnder25)), e.ParticipantsUnder25?.ToString("N0", culture) ?? ""),
            (Label(nameof(Entry.ParticipantsUnder18)), e.ParticipantsUnder18?.ToString("N0", culture) ?? ""),
            (Label(nameof(Entry.Adults)), e.Adults?.ToString("N0", culture) ?? ""),
            (Label(nameof(Entry.DigitalBehaviours)), Join(e.DigitalBehaviours, "Behaviour.") + (string.IsNullOrEmpty(e.DigitalBehaviourOther) ? "" : $" ({e.DigitalBehaviourOther})")),
            (Label(nameof(Entry.TargetGroups)), Join(e.TargetGroups, "Target.")),
            (Label(nameof(Entry.ImplementationCountries)), string.Join(", ", e.ImplementationCountries.Select(c => Countries.Name(c, culture)))),
            (Label(nameof(Entry.StartDate)), e.StartDate?.ToString("d", culture) ?? ""),
            (Label(nameof(Entry.EndDate)), e.Ongoing ? l["Entry.Field.Ongoing"] : e.EndDate?.ToString("d", culture) ?? ""),
            (Label(nameof(Entry.Evaluation)), e.Evaluation),
            (Label(nameof(Entry.HumanRights)), e.HumanRights),
            (Label(nameof(Entry.Replication)), e.Replication),
            (l["Entry.Attachments"], string.Join("\n", e.Attachments.Select(a => $"{a.OriginalName} ({a.Size:N0} B, SHA-256 {a.Sha256})"))),
            (Label(nameof(Entry.ConsentToPublication)), e.ConsentToPublication ? l["Common.Yes"] : l["Common.No"]),
        }.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList();
    }
}
