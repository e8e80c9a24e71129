using PreventionPrize.Core.Calls;

namespace PreventionPrize.Core.Entries;

/// <summary>What an applicant may do with their entry at a given instant (server clock).</summary>
public static class EntryPolicy
{
    /// <summary>
    /// A draft can always be saved, even after the deadline: nothing typed is lost, and a late-entry exception
    /// would need it. A submitted entry changes only while the call accepts submissions.
    /// </summary>
    public static bool CanSaveDraft(Entry entry) => entry.Status == EntryStatus.Draft;

    public static bool CanSubmit(Entry entry, DateTime nowUtc) =>
        entry.IsOpenToApplicant && SubmissionWindow.AcceptsSubmissions(entry.Call, nowUtc);

    public static bool CanWithdraw(Entry entry, DateTime nowUtc) =>
        entry.Status == EntryStatus.Draft || (entry.Status == EntryStatus.Submitted && SubmissionWindow.AcceptsSubmissions(entry.Call, nowUtc));

    /// <summary>The edit form is offered for a draft, or a submitted entry before the deadline.</summary>
    public static bool CanEdit(Entry entry, DateTime nowUtc) => CanSaveDraft(entry) || CanSubmit(entry, nowUtc);
}
