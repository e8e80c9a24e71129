using PreventionPrize.Core.Entries;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// Whether a document's own metadata may tell the jury who wrote it. Stored on the attachment as codes
/// "Field:kind" separated by ";" (like <see cref="Entry.IdentifierWarnings"/>), shown in the reader's language:
/// kind <c>name</c> when the field contains the organisation's, the contact's or a team member's name,
/// <c>author</c> when an author field is filled in at all.
/// </summary>
public static class MetadataWarnings
{
    public const string Name = "name";
    public const string Author = "author";

    public static string? For(IEnumerable<(string Field, string Value)> fields, Entry entry)
    {
        var names = new[] { entry.OrganisationName, entry.ContactName }
            .Concat(entry.TeamMembers.Select(m => m.Name))
            .Select(IdentifierCheck.Normalise)
            .Where(n => n.Length >= 3)
            .Distinct()
            .ToList();
        var codes = new List<string>();
        foreach (var (field, value) in fields)
        {
            var normalised = " " + IdentifierCheck.Normalise(value) + " ";
            if (names.Any(n => normalised.Contains(" " + n + " ", StringComparison.Ordinal))) codes.Add($"{field}:{Name}");
            else if (field is PdfMetadata.Author or PdfMetadata.XmpCreator) codes.Add($"{field}:{Author}");
        }
        // A field that names the team needs no second warning that it is filled in.
        var distinct = codes.Distinct().Where(c => !(c.EndsWith(":" + Author) && codes.Contains(c[..c.IndexOf(':')] + ":" + Name))).ToList();
        return distinct.Count == 0 ? null : string.Join(";", distinct);
    }

    public static IReadOnlyList<(string Field, string Kind)> Parse(string? warning) =>
        (warning ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], parts[1]))
            .ToList();
}
