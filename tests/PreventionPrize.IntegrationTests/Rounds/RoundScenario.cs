using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Entries;
using PreventionPrize.Core.Jury;
using PreventionPrize.Core.Rounds;
using PreventionPrize.IntegrationTests.Jury;

namespace PreventionPrize.IntegrationTests.Rounds;

/// <summary>
/// What the round tests start from: a closed call with no round yet, eligible entries of distinct organisations
/// (so a conflict with one is a conflict with that one only), ready jurors, and the Secretariat's round pages.
/// </summary>
public sealed class RoundScenario(PrizeAppFactory app)
{
    public Task<Call> CallAsync() => EntryBuilder.CreateCallAsync(app);

    public Task<Entry> EntryAsync(Call call, string language = "en", Action<Entry>? change = null, EntryStatus status = EntryStatus.Eligible)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return new EntryBuilder(app).In(call).WithStatus(status)
            .With(e => { e.Language = language; e.OrganisationName = $"Organisation {tag}"; e.Title = $"Practice {tag}"; })
            .With(change ?? (_ => { }))
            .SaveAsync();
    }

    public async Task<List<Entry>> EntriesAsync(Call call, int count, string language = "en")
    {
        var entries = new List<Entry>();
        for (var i = 0; i < count; i++) entries.Add(await EntryAsync(call, language));
        return entries;
    }

    /// <summary>
    /// A ready juror from <paramref name="country"/> (not the applicants' France, so no country conflict arises)
    /// who reads <paramref name="reads"/>; <paramref name="worksFor"/> makes detection find a hard conflict with those entries.
    /// </summary>
    public Task<TestJurors.TestJuror> JurorAsync(Call call, string name, string[]? reads = null, string country = "DE",
        string[]? behaviours = null, string[]? targets = null, params Entry[] worksFor) =>
        app.CreateReadyJurorAsync(call, name, m =>
        {
            m.Profile.ReadsLanguages = [.. reads ?? ["en", "fr"]];
            m.Profile.Countries = [country];
            m.Profile.DigitalBehaviours = [.. behaviours ?? []];
            m.Profile.TargetGroups = [.. targets ?? []];
            foreach (var entry in worksFor) m.Profile.Organisations.Add(new JurorOrganisation { Name = entry.OrganisationName });
        });

    /// <summary>Runs detection and checks it found the hard conflict each juror's work for the entry implies.</summary>
    public async Task DetectAsync(Call call, params (TestJurors.TestJuror Juror, Entry Entry)[] expected)
    {
        await app.DetectConflictsAsync(call.Id);
        foreach (var (juror, entry) in expected)
            if (!await app.WithDbAsync(db => db.Conflicts.AnyAsync(c => c.JuryMemberId == juror.Member.Id && c.EntryId == entry.Id && c.Severity == ConflictSeverity.Hard)))
                throw new InvalidOperationException($"Detection found no hard conflict for {juror.Member.Name} and {entry.Reference}");
    }

    public Task<TestClient> SecretariatAsync() => app.SignedInAsync(Core.Accounts.Roles.Secretariat);

    public async Task<TestClient> SignedInAsync(TestJurors.TestJuror juror)
    {
        var client = app.NewClient();
        await client.SignInAsync(juror.Email);
        return client;
    }

    /// <summary>Creates a round through the "new round" form and returns its id, read from the redirect.</summary>
    public static async Task<int> CreateRoundAsync(TestClient secretariat, Call call, params (string Name, string Value)[] values)
    {
        var created = await secretariat.SubmitAsync($"/secretariat/calls/{call.Code}/rounds/new", Fields(values));
        if (created.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Creating the round answered {(int)created.Status}: {string.Join(" | ", created.Errors)}");
        return int.Parse(created.Location!.Split('/')[^1]);
    }

    public static Task<int> CreateOptimisedRoundAsync(TestClient secretariat, Call call, int k, int maxLoad, int minLoad = 0, int? countryCap = null) =>
        CreateRoundAsync(secretariat, call,
            ("Mode", nameof(AssignmentMode.Optimised)), ("JurorsPerEntry", $"{k}"), ("MinLoad", $"{minLoad}"), ("MaxLoad", $"{maxLoad}"),
            ("MaxJurorsPerCountry", countryCap?.ToString() ?? ""));

    public static string RoundUrl(int roundId) => $"/secretariat/rounds/{roundId}";

    /// <summary>Submits the round's settings form as the page shows it, with <paramref name="values"/> changed.</summary>
    public static Task<Page> EditAsync(TestClient secretariat, int roundId, params (string Name, string Value)[] values) =>
        secretariat.SubmitAsync(RoundUrl(roundId), Fields(values));

    /// <summary>Presses one of the round page's buttons (compute, repair, publish, …) and returns the page it leads back to, with its message.</summary>
    public static async Task<Page> ActAsync(TestClient secretariat, int roundId, string action, params (string Name, string Value)[] values)
    {
        var done = await secretariat.PostAsync($"{RoundUrl(roundId)}/{action}", Fields(values));
        if (done.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"POST {action} answered {(int)done.Status}");
        return await secretariat.GetAsync(done.Location!);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields((string Name, string Value)[] values) => values.Select(v => KeyValuePair.Create(v.Name, v.Value));

    public static string? FlashError(Page page) => page.Document.QuerySelector(".flash-error")?.TextContent.Trim();

    public static string? Flash(Page page) => page.Document.QuerySelector(".flash-ok")?.TextContent.Trim();

    public Task<List<JurorAssignment>> PairsAsync(int roundId) =>
        app.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.RoundId == roundId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The references the juror's page for the call lists, and the answer for each entry's own page.</summary>
    public static async Task<(IReadOnlyList<string> Listed, Dictionary<string, HttpStatusCode> Pages)> WhatTheJurorSeesAsync(TestClient juror, Call call, IEnumerable<Entry> entries)
    {
        var list = await juror.GetAsync($"/jury/{call.Code}");
        if (list.Status != HttpStatusCode.OK) throw new InvalidOperationException($"The juror's list answered {(int)list.Status}");
        var pages = new Dictionary<string, HttpStatusCode>();
        foreach (var entry in entries) pages[entry.Reference!] = (await juror.GetAsync(JuryScenario.EntryUrl(call, entry))).Status;
        return (JuryScenario.ListedReferences(list, call).Distinct().Order().ToList(), pages);
    }
}
