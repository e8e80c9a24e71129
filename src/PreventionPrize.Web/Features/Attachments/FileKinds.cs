using PreventionPrize.Core.Calls;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// What a file is, by its first bytes rather than its name or the browser's word: a renamed program stays a
/// program. The content type served back comes from here, never from the upload.
/// </summary>
public static class FileKinds
{
    private static readonly (string Kind, byte[] Signature, string ContentType, string[] Extensions)[] Known =
    [
        (AttachmentKinds.Pdf, "%PDF-"u8.ToArray(), "application/pdf", [".pdf"]),
        (AttachmentKinds.Png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", [".png"]),
        (AttachmentKinds.Jpeg, [0xFF, 0xD8, 0xFF], "image/jpeg", [".jpg", ".jpeg"]),
    ];

    /// <summary>Bytes needed to recognise any kind.</summary>
    public const int SignatureLength = 8;

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var known in Known)
            if (head.StartsWith(known.Signature)) return known.Kind;
        return null;
    }

    public static string ContentType(string kind) => Find(kind).ContentType;

    public static IReadOnlyList<string> Extensions(string kind) => Find(kind).Extensions;

    public static string KindOf(string contentType) => Known.FirstOrDefault(k => k.ContentType == contentType).Kind ?? "";

    /// <summary>The file input's <c>accept</c> list: a hint to the browser's picker, checked again on the server.</summary>
    public static string Accept(IEnumerable<string> kinds) =>
        string.Join(",", kinds.Where(k => Known.Any(x => x.Kind == k)).SelectMany(k => Extensions(k).Append(ContentType(k))));

    private static (string Kind, byte[] Signature, string ContentType, string[] Extensions) Find(string kind) =>
        Known.FirstOrDefault(k => k.Kind == kind) is { Kind: not null } found ? found : throw new ArgumentException($"Unknown kind {kind}", nameof(kind));
}
