namespace PreventionPrize.Core.Entries;

public enum AttachmentPurpose { Supporting, FormalStructureEvidence }

/// <summary>
/// A file stored outside the web root under a generated name. The original name is kept only as metadata
/// (cleaned), the content is verified by its signature, and its SHA-256 is the evidence of what was sent.
/// </summary>
public sealed class Attachment
{
    public const int OriginalNameMaxLength = 255;

    public Guid Id { get; set; }
    public int EntryId { get; set; }
    public AttachmentPurpose Purpose { get; set; }
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";

    /// <summary>The storage key (a generated name), never derived from user input.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>Why the document's own metadata (PDF author, title) may identify the team; null when clean.</summary>
    public string? MetadataWarning { get; set; }

    /// <summary>Only attachments the Secretariat released reach the jury (scoring issue).</summary>
    public bool ReleasedToJury { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}
