using System.Globalization;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Features.Entries;

/// <summary>The e-mails about an entry, always in the entry's language: the receipt (with a copy of what was submitted) and the withdrawal.</summary>
public sealed class EntryMail(MailComposer composer, PublicLinks links, IStringLocalizer<SharedResource> l)
{
    public async Task SendReceiptAsync(Entry entry, IEnumerable<string> recipients, CancellationToken ct)
    {
        foreach (var to in recipients.Distinct(StringComparer.OrdinalIgnoreCase))
            await composer.SendAsync(to, entry.Language, () =>
            {
                var prize = l["Prize.Name"].Value;
                var when = Core.Time.Strasbourg.Format(entry.SubmittedAtUtc!.Value, Cultures.DateCulture);
                return new MailContent(
                    l["Mail.Receipt.Subject", prize, entry.Reference!],
                    [l["Mail.Receipt.Body", entry.Reference!, entry.Title, when], l["Mail.Receipt.Editable"]],
                    l["Mail.Footer", prize],
                    (l["Mail.Receipt.Action"], links.Absolute($"/entries/{entry.Id}")),
                    Copy(entry));
            }, ct);
    }

    public Task SendWithdrawalAsync(Entry entry, string to, CancellationToken ct) =>
        composer.SendAsync(to, entry.Language, () =>
        {
            var prize = l["Prize.Name"].Value;
            var name = entry.Reference ?? (string.IsNullOrWhiteSpace(entry.Title) ? l["Entry.Untitled"].Value : entry.Title);
            return new MailContent(l["Mail.Withdrawal.Subject", prize, name], [l["Mail.Withdrawal.Body", name]], l["Mail.Footer", prize]);
        }, ct);

    /// <summary>The submitted answers as label/value pairs, labels in the entry's language.</summary>
    private List<(string, string)> Copy(Entry e)
    {
        string Label(string field) => l[EntryDraftRules.Label(field)];
        string Join(IEnumerable<string> codes, string prefix) => string.Join(", ", codes.Select(c => l[prefix + c].Value));
        var culture = Cultures.DateCulture;
        return
        [
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
        ];
    }
}
