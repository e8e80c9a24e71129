using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Attachments;

public sealed class UploadTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public UploadTests(PrizeAppFactory app) => _app = app;

    private static string Url(Entry entry) => $"/entries/{entry.Id}/attachments";

    private static readonly KeyValuePair<string, string>[] Supporting = [new("purpose", "Supporting")];

    /// <summary>Back to the home page, where the layout shows the flash message the upload left.</summary>
    private static readonly KeyValuePair<string, string>[] BackHome = [new("purpose", "Supporting"), new("returnUrl", "/")];

    private Task<List<Attachment>> AttachmentsOf(Entry entry) =>
        _app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).OrderBy(a => a.UploadedAtUtc).ToListAsync());

    private int StoredFiles() => Directory.Exists(_app.FilesFolder) ? Directory.GetFiles(_app.FilesFolder).Length : 0;

    public static TheoryData<string, string, string> Kinds() => new()
    {
        { "report.pdf", "pdf", "application/pdf" },
        { "photo.png", "png", "image/png" },
        { "photo.jpg", "jpeg", "image/jpeg" },
    };

    private static byte[] Sample(string kind) => kind switch { "pdf" => SampleFiles.Pdf(), "png" => SampleFiles.Png(), _ => SampleFiles.Jpeg() };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Pdf_png_and_jpeg_are_stored_with_their_sha256_and_an_audit_event(string name, string kind, string contentType)
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        var bytes = Sample(kind);

        var page = await client.UploadAsync(Url(entry), name, bytes, [new("purpose", "Supporting")]);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/entries/{entry.Id}/edit", page.Location);
        var stored = Assert.Single(await AttachmentsOf(entry));
        Assert.Equal(name, stored.OriginalName);
        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(AttachmentPurpose.Supporting, stored.Purpose);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_app.FilesFolder, stored.StorageKey)));
        var audit = await _app.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Subject == $"entry:{entry.Id}"));
        Assert.Equal("attachment.uploaded", audit.Action);
        Assert.Equal(entry.OwnerId, audit.ActorId);
        Assert.Contains(stored.Sha256, audit.Details);
    }

    [Fact]
    public async Task The_purpose_chosen_by_the_applicant_is_kept()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        await client.UploadAsync(Url(entry), "statutes.pdf", SampleFiles.Pdf(), [new("purpose", "FormalStructureEvidence")]);

        Assert.Equal(AttachmentPurpose.FormalStructureEvidence, Assert.Single(await AttachmentsOf(entry)).Purpose);
    }

    [Fact]
    public async Task A_renamed_exe_is_refused_as_a_pdf_with_a_message_and_nothing_is_stored()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        var files = StoredFiles();

        var page = await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Exe(), BackHome, contentType: "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Location);
        Assert.Contains("This file is not one of the accepted formats (PDF, PNG, JPEG)", (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
        Assert.Equal(files, StoredFiles());
    }

    [Fact]
    public async Task A_kind_the_call_does_not_accept_is_refused_even_when_genuine()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(call => call.EntryRules.AttachmentKinds = ["pdf"]);

        await client.UploadAsync(Url(entry), "photo.png", SampleFiles.Png(), BackHome);

        Assert.Contains("not one of the accepted formats (PDF)", (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
    }

    [Fact]
    public async Task A_file_one_byte_over_the_calls_limit_is_refused_in_French_and_the_entry_is_intact()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(call => call.EntryRules.MaxAttachmentMegabytes = 1);
        await client.SwitchLanguageAsync("fr");
        var exactly = SampleFiles.PdfOfSize(1024 * 1024);
        Assert.Equal(HttpStatusCode.Redirect, (await client.UploadAsync(Url(entry), "at-the-limit.pdf", exactly, BackHome)).Status);
        var before = await _app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        var files = StoredFiles();

        var page = await client.UploadAsync(Url(entry), "too-big.pdf", SampleFiles.PdfOfSize(1024 * 1024 + 1), BackHome);

        Assert.Equal("/", page.Location);
        Assert.Contains("Le fichier dépasse 1 Mo, la limite de cet appel.", (await client.GetAsync("/")).Text);
        Assert.Equal("at-the-limit.pdf", Assert.Single(await AttachmentsOf(entry)).OriginalName);
        Assert.Equal(files, StoredFiles());
        var after = await _app.WithDbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        Assert.Equal((before.Version, before.UpdatedAtUtc, before.Status), (after.Version, after.UpdatedAtUtc, after.Status));
    }

    [Fact]
    public async Task An_upload_over_the_servers_ceiling_is_refused_without_an_error_page()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        var files = StoredFiles();

        var page = await client.UploadAsync(Url(entry), "huge.pdf", SampleFiles.PdfOfSize(52L * 1024 * 1024), BackHome);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/entries/{entry.Id}/edit", page.Location);
        Assert.Contains("The file is much larger than this call allows.", (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
        Assert.Equal(files, StoredFiles());
    }

    [Fact]
    public async Task The_calls_count_limit_is_enforced()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(call => call.EntryRules.MaxAttachments = 2);
        await client.UploadAsync(Url(entry), "one.pdf", SampleFiles.Pdf(), BackHome);
        await client.UploadAsync(Url(entry), "two.png", SampleFiles.Png(), BackHome);

        await client.UploadAsync(Url(entry), "three.pdf", SampleFiles.Pdf(), BackHome);

        Assert.Contains("You can add at most 2 files. Remove one before adding another.", (await client.GetAsync("/")).Text);
        Assert.Equal(["one.pdf", "two.png"], (await AttachmentsOf(entry)).Select(a => a.OriginalName));
    }

    [Fact]
    public async Task An_upload_after_the_deadline_and_grace_is_refused_and_nothing_is_stored()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(call =>
        {
            call.ClosesAtUtc = _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
            call.GraceMinutes = 15;
        });
        await client.UploadAsync(Url(entry), "in-time.pdf", SampleFiles.Pdf(), BackHome);
        var files = StoredFiles();

        _app.Clock.Advance(TimeSpan.FromMinutes(17));
        await client.UploadAsync(Url(entry), "late.pdf", SampleFiles.Pdf(), BackHome);

        Assert.Contains("Files can no longer be added or removed: the call no longer accepts entries", (await client.GetAsync("/")).Text);
        var kept = Assert.Single(await AttachmentsOf(entry));
        Assert.Equal("in-time.pdf", kept.OriginalName);
        Assert.Equal(files, StoredFiles());

        await client.PostAsync($"{Url(entry)}/{kept.Id}/delete", [new("returnUrl", "/")]);
        Assert.Single(await AttachmentsOf(entry));
        Assert.True(File.Exists(Path.Combine(_app.FilesFolder, kept.StorageKey)));
    }

    [Fact]
    public async Task A_withdrawn_entry_takes_no_files()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync(entry: e => e.Status = EntryStatus.Withdrawn);

        await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(), BackHome);

        Assert.Contains("Files can no longer be added or removed", (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
    }

    [Fact]
    public async Task The_owner_removes_a_file_and_its_stored_copy()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();
        await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(), Supporting);
        var stored = Assert.Single(await AttachmentsOf(entry));

        var page = await client.PostAsync($"{Url(entry)}/{stored.Id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/entries/{entry.Id}/edit", page.Location);
        Assert.Empty(await AttachmentsOf(entry));
        Assert.False(File.Exists(Path.Combine(_app.FilesFolder, stored.StorageKey)));
        var actions = await _app.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == $"entry:{entry.Id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["attachment.uploaded", "attachment.deleted"], actions);
    }

    [Theory]
    [InlineData("Bogus", "Say what the file is")]

    [InlineData("7", "Say what the file is")]

    [InlineData("", "Say what the file is")]
    public async Task A_missing_or_unknown_purpose_is_refused(string purpose, string message)
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(), [new("purpose", purpose), new("returnUrl", "/")]);

        Assert.Contains(message, (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
    }

    [Fact]
    public async Task A_post_without_a_file_or_with_an_empty_one_gets_a_message_not_an_error()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        var none = await client.PostAsync(Url(entry), [new("purpose", "Supporting"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, none.Status);
        Assert.Contains("Choose one file to upload.", (await client.GetAsync("/")).Text);

        await client.UploadAsync(Url(entry), "empty.pdf", [], BackHome);
        Assert.Contains("The file is empty.", (await client.GetAsync("/")).Text);
        Assert.Empty(await AttachmentsOf(entry));
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_not_followed()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        var page = await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting"), new("returnUrl", "https://evil.example/")]);

        Assert.Equal($"/entries/{entry.Id}/edit", page.Location);
    }

    [Fact]
    public async Task The_upload_script_gets_json_answers()
    {
        var (client, entry) = await _app.ApplicantWithEntryAsync();

        var accepted = await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Pdf(), [new("purpose", "Supporting")], fromScript: true);
        var refused = await client.UploadAsync(Url(entry), "report.pdf", SampleFiles.Exe(), [new("purpose", "Supporting")], fromScript: true);

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("{\"message\":\"The file was added.\"}", accepted.Html);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("{\"error\":\"This file is not one of the accepted formats", refused.Html);
        Assert.Single(await AttachmentsOf(entry));
    }
}
