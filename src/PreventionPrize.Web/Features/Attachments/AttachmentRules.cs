using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>When the applicant may add or remove files, and how big a file may be.</summary>
public static class AttachmentRules
{
    /// <summary>
    /// No call may allow files larger than this: the request limits below are fixed at start-up (they must be
    /// known before the body is read), so a per-call setting above it would be refused by the server anyway.
    /// </summary>
    public const int CeilingMegabytes = 50;

    /// <summary>The largest upload request: one file at the ceiling plus room for the form's other fields.</summary>
    public const long RequestLimitBytes = (CeilingMegabytes + 1) * 1024L * 1024L;

    /// <summary>Files change with the entry: while it is open to the applicant and the call accepts submissions.</summary>
    public static bool CanChange(Entry entry, DateTime nowUtc) =>
        entry.IsOpenToApplicant && SubmissionWindow.AcceptsSubmissions(entry.Call, nowUtc);

    public static int MaxMegabytes(EntryRules rules) => Math.Clamp(rules.MaxAttachmentMegabytes, 0, CeilingMegabytes);

    public static long MaxBytes(EntryRules rules) => MaxMegabytes(rules) * 1024L * 1024L;

    public static AttachmentPurpose? ParsePurpose(string? value) =>
        Enum.GetValues<AttachmentPurpose>().Select(p => (AttachmentPurpose?)p)
            .FirstOrDefault(p => string.Equals(p.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
