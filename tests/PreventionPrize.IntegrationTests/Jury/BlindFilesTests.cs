using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Jury;

/// <summary>Jurors read only the documents the Secretariat released, by number and under a neutral name.</summary>
public sealed class BlindFilesTests(PrizeAppFactory app) : IClassFixture<PrizeAppFactory>
{
    private readonly JuryScenario _given = new(app);

    [Fact]
    public async Task A_released_document_reaches_the_juror_under_a_neutral_name_and_nothing_else_does()
    {
        var call = await _given.CallAsync();
        var content = SampleFiles.Pdf();
        var entry = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible)
            .WithAttachment("Plan-JeunesseNumerique-FILENAME-MARKER.pdf").WithAttachment("Budget.pdf").SaveAsync();
        var files = await app.WithDbAsync(db => db.Attachments.Where(a => a.EntryId == entry.Id).OrderBy(a => a.OriginalName).ToListAsync());
        foreach (var file in files) await File.WriteAllBytesAsync(Path.Combine(app.FilesFolder, file.StorageKey), content);
        var plan = files.Single(f => f.OriginalName.StartsWith("Plan", StringComparison.Ordinal));
        var (_, juror) = await _given.JurorAsync(call);
        await juror.SubmitAsync(JuryScenario.EntryUrl(call, entry), [], JuryScenario.ConfirmForm);
        var fileUrl = $"{JuryScenario.EntryUrl(call, entry)}/files/1";

        Assert.DoesNotContain("Document 1", (await juror.GetAsync(JuryScenario.EntryUrl(call, entry))).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.Http.GetAsync(fileUrl)).StatusCode);

        var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/entries/{entry.Id}/attachments/{plan.Id}/release", [new("release", "true")]);

        var page = await juror.GetAsync(JuryScenario.EntryUrl(call, entry));
        Assert.Contains("Document 1", page.Text);
        Assert.DoesNotContain("Document 2", page.Text);
        Assert.DoesNotContain("FILENAME-MARKER", page.Html);
        var download = await juror.Http.GetAsync(fileUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"{entry.Reference}-1.pdf", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await juror.Http.GetAsync($"{JuryScenario.EntryUrl(call, entry)}/files/2")).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(a => a.Action).ToListAsync()), a => a == "attachment.released");

        await secretariat.PostAsync($"/secretariat/entries/{entry.Id}/attachments/{plan.Id}/release", [new("release", "false")]);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.Http.GetAsync(fileUrl)).StatusCode);
    }

    [Fact]
    public async Task A_conflicted_juror_cannot_fetch_a_released_document_and_evidence_of_the_structure_is_never_released()
    {
        var call = await _given.CallAsync();
        var entry = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible).WithAttachment("Plan.pdf").SaveAsync();
        var file = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.EntryId == entry.Id));
        await File.WriteAllBytesAsync(Path.Combine(app.FilesFolder, file.StorageKey), SampleFiles.Pdf());
        var secretariat = await app.SignedInAsync(Roles.Secretariat);
        await secretariat.PostAsync($"/secretariat/entries/{entry.Id}/attachments/{file.Id}/release", [new("release", "true")]);
        var (_, reader) = await _given.JurorAsync(call, "Reader");
        var (_, conflicted) = await _given.ConflictedJurorAsync(call, entry);
        await reader.SubmitAsync(JuryScenario.EntryUrl(call, entry), [], JuryScenario.ConfirmForm);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync($"{JuryScenario.EntryUrl(call, entry)}/files/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await conflicted.Http.GetAsync($"{JuryScenario.EntryUrl(call, entry)}/files/1")).StatusCode);

        await app.WithDbAsync(db => db.Attachments.Where(a => a.Id == file.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Purpose, AttachmentPurpose.FormalStructureEvidence).SetProperty(a => a.ReleasedToJury, false)));
        var refused = await secretariat.Http.PostAsync($"/secretariat/entries/{entry.Id}/attachments/{file.Id}/release",
            new FormUrlEncodedContent([new("release", "true"), new("__RequestVerificationToken", await secretariat.AntiforgeryTokenAsync())]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Attachments.Where(a => a.Id == file.Id).Select(a => a.ReleasedToJury).SingleAsync()));
    }
}
