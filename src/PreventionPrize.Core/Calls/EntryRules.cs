namespace PreventionPrize.Core.Calls;

/// <summary>
/// What a call asks of its entries: word limits per answer, attachments, and how recently a finished project
/// may have ended. Defaults are the Pompidou prize's; every one is a per-call setting.
/// </summary>
public sealed class EntryRules
{
    public int SummaryWords { get; set; } = 100;
    public int DescriptionWords { get; set; } = 1000;
    public int YouthInvolvementWords { get; set; } = 500;
    public int EvaluationWords { get; set; } = 500;
    public int HumanRightsWords { get; set; } = 300;
    public int ReplicationWords { get; set; } = 500;

    /// <summary>A finished project is eligible if it ended at most this many months before the call opened.</summary>
    public int RecentlyFinishedMonths { get; set; } = 24;

    public int MaxAttachments { get; set; } = 5;
    public int MaxAttachmentMegabytes { get; set; } = 10;

    /// <summary>File kinds accepted, verified by content: a subset of <see cref="AttachmentKinds.All"/>.</summary>
    public List<string> AttachmentKinds { get; set; } = [.. Calls.AttachmentKinds.All];

    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;
}

public static class AttachmentKinds
{
    public const string Pdf = "pdf";
    public const string Png = "png";
    public const string Jpeg = "jpeg";

    public static readonly IReadOnlyList<string> All = [Pdf, Png, Jpeg];
}
