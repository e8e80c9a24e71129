using Mediator;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Entries;

public static class EditEntry
{
    /// <summary>Null when the entry can no longer be edited (the page shows it read-only instead).</summary>
    public sealed record Query(int EntryId) : IQuery<SaveDraft.Command?>;

    /// <summary>The applicant's own entry as a form; only its owner gets it (the Secretariat reads it elsewhere).</summary>
    public sealed class Handler(EntryAccess access, TimeProvider clock) : IQueryHandler<Query, SaveDraft.Command?>
    {
        public async ValueTask<SaveDraft.Command?> Handle(Query query, CancellationToken ct)
        {
            var entry = await access.OwnedAsync(query.EntryId, ct);
            if (!EntryPolicy.CanEdit(entry, clock.GetUtcNow().UtcDateTime)) return null;
            var form = EntryForm.From<SaveDraft.Command>(entry);
            // Two empty rows to type co-applicants into; blank rows are ignored on save.
            while (form.TeamMembers.Count < Math.Max(2, entry.TeamMembers.Count + 1)) form.TeamMembers.Add(new TeamMemberForm());
            return form;
        }
    }
}
