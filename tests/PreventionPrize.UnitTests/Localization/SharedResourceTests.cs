using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Web.Features.Screening;

namespace PreventionPrize.UnitTests.Localization;

/// <summary>Every UI string exists in English and French, and the two agree on their placeholders.</summary>
public sealed partial class SharedResourceTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "PreventionPrize.Web");
    private static readonly Dictionary<string, string> English = Read("SharedResource.resx");
    private static readonly Dictionary<string, string> French = Read("SharedResource.fr.resx");

    [Fact]
    public void Both_resource_files_have_many_entries()
    {
        // Guards the tests below against passing on two empty files.
        Assert.True(English.Count > 100, $"English has {English.Count} entries.");
        Assert.True(French.Count > 100, $"French has {French.Count} entries.");
    }

    [Fact]
    public void Every_English_key_has_a_French_value()
    {
        Assert.Empty(English.Keys.Except(French.Keys).Order());
    }

    [Fact]
    public void Every_French_key_has_an_English_value()
    {
        Assert.Empty(French.Keys.Except(English.Keys).Order());
    }

    [Fact]
    public void No_value_is_empty()
    {
        var empty = English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en " + e.Key)
            .Concat(French.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "fr " + e.Key));

        Assert.Empty(empty);
    }

    [Fact]
    public void English_and_French_values_use_the_same_placeholders()
    {
        var mismatched = English.Keys.Intersect(French.Keys)
            .Where(key => !Placeholders(English[key]).SetEquals(Placeholders(French[key])))
            .Select(key => $"{key}: en {{{string.Join(",", Placeholders(English[key]).Order())}}} fr {{{string.Join(",", Placeholders(French[key]).Order())}}}");

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_key_the_code_names_exists_in_English()
    {
        var files = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        var used = files.SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups[1].Value, File: Path.GetFileName(f))))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !English.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct());
    }

    // Keys built from a value at run time, e.g. L[$"Window.{call.Window}"], cannot be found by scanning.
    public static TheoryData<string> ComputedKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var state in Enum.GetNames<WindowState>()) keys.Add($"Window.{state}");
        foreach (var status in Enum.GetNames<CallStatus>())
        {
            keys.Add($"Status.{status}");
            keys.Add($"CallAdmin.StatusHelp.{status}");
        }
        foreach (var role in Roles.All) keys.Add($"Role.{role}");
        foreach (var language in EntryLanguages.All) keys.Add($"Language.{language}");
        foreach (var purpose in Enum.GetNames<Core.Entries.AttachmentPurpose>()) keys.Add($"Attachment.Purpose.{purpose}");
        foreach (var field in new[] { Web.Features.Attachments.PdfMetadata.Author, Web.Features.Attachments.PdfMetadata.Title,
                     Web.Features.Attachments.PdfMetadata.Creator, Web.Features.Attachments.PdfMetadata.XmpCreator })
            keys.Add($"Attachment.Metadata.Field.{field}");
        foreach (var code in Vocabulary.OrganisationTypes) keys.Add($"Org.{code}");
        foreach (var code in Vocabulary.DigitalBehaviours) keys.Add($"Behaviour.{code}");
        foreach (var code in Vocabulary.TargetGroups) keys.Add($"Target.{code}");
        foreach (var status in Enum.GetNames<EntryStatus>()) keys.Add($"EntryStatus.{status}");
        foreach (var flag in Enum.GetNames<EntryFlag>()) keys.Add($"Screening.Flag.{flag}");
        foreach (var state in Enum.GetNames<ProjectState>()) keys.Add($"Screening.ProjectState.{state}");
        foreach (var purpose in Enum.GetNames<AttachmentPurpose>()) keys.Add($"Screening.Purpose.{purpose}");
        foreach (var reason in typeof(EligibilityCheck).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            keys.Add("Screening.Problem." + reason.Split('.')[^1]);
        foreach (var check in new[] { "FormalStructure", "Youth", "Timing", "Country" }) keys.Add($"Screening.Check.{check}");
        // The fields IdentifierCheck reads and the kinds it reports ("Summary:email").
        foreach (var field in new[] { nameof(Entry.Title), nameof(Entry.Summary), nameof(Entry.Description), nameof(Entry.YouthInvolvement),
                     nameof(Entry.DigitalBehaviourOther), nameof(Entry.Evaluation), nameof(Entry.HumanRights), nameof(Entry.Replication) })
            keys.Add($"Screening.Field.{field}");
        foreach (var kind in new[] { "name", "email", "url", "handle" }) keys.Add($"Screening.Warning.{kind}");
        foreach (var state in Enum.GetNames<PreventionPrize.Core.Outbox.OutboxState>()) keys.Add($"OutboxState.{state}");
        foreach (var kind in PreventionPrize.Web.Infrastructure.Email.Templates.MailSamples.Kinds) keys.Add($"MailKind.{kind}");
        foreach (var change in Enum.GetNames<PreventionPrize.Web.Features.Outbox.ChangeMailState.Change>()) keys.Add($"Flash.Outbox{change}");
        foreach (var change in Enum.GetNames<PreventionPrize.Web.Infrastructure.Email.Templates.SecurityChange>()) keys.Add($"Mail.SecurityNotice.{change}");
        foreach (var action in PreventionPrize.Web.Features.AuditTrail.AuditLabels.Known) keys.Add($"AuditAction.{action}");
        return keys;
    }

    [Theory]
    [MemberData(nameof(ComputedKeys))]
    public void Every_key_built_from_a_value_exists_in_English(string key)
    {
        Assert.True(English.ContainsKey(key), $"Missing key {key}");
    }

    /// <summary>
    /// The audit page names each action in the reader's language and offers its family as a filter: every action the
    /// code writes as a literal (<c>db.Audit(…, "account.signed-in", …)</c>) is a known action, so it has its labels.
    /// </summary>
    [Fact]
    public void Every_audit_action_the_code_writes_is_known_and_labelled()
    {
        var written = Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadAllLines(f).Where(line => line.Contains("Audit(")))
            .SelectMany(line => AuditAction().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.True(written.Count > 50, $"Only {written.Count} actions found: the scan no longer sees the code.");
        Assert.Empty(written.Except(PreventionPrize.Web.Features.AuditTrail.AuditLabels.Known).Order());
    }

    /// <summary>
    /// French puts a (no-break) space before a colon, English none: a view writes <c>@L["Punctuation.Colon"]</c> after a
    /// label, never a colon of its own, or the French page reads "Statut:".
    /// </summary>
    [Fact]
    public void No_view_writes_its_own_colon_after_a_translated_label()
    {
        var views = Directory.EnumerateFiles(Path.Combine(WebProject, "Features"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var colons = views.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (Line: line, At: $"{Path.GetFileName(f)}:{i + 1}")))
            .Where(l => ColonAfterLabel().IsMatch(l.Line))
            .Select(l => l.At);

        Assert.NotEmpty(views);
        Assert.Empty(colons);
        Assert.Equal("\u00a0:", French["Punctuation.Colon"]);
        Assert.Equal(":", English["Punctuation.Colon"]);
    }

    private static HashSet<int> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();

    private static Dictionary<string, string> Read(string fileName) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", fileName)).Root!
            .Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PreventionPrize.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No PreventionPrize.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\b[Ll]\[""([A-Za-z0-9.]+)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"""([a-z]+\.[a-z0-9][a-z0-9.\-]*)""")]
    private static partial Regex AuditAction();

    /// <summary>A localized string or a reference followed by a colon: <c>@L["Key"]:</c>, <c>@L[$"X.{y}"]:</c>, <c>@Model.References[id]:</c>.</summary>
    [GeneratedRegex(@"@(?:L|Model\.References)\[[^\]]*\]\)?\s*:")]
    private static partial Regex ColonAfterLabel();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
