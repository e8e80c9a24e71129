using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Decisions;
using PreventionPrize.Core.Entries;

namespace PreventionPrize.IntegrationTests.Gallery;

/// <summary>A call with a release instant and its decisions, written straight to the database.</summary>
public sealed record DecidedCall(Call Call, Entry Winner, Entry Private, Entry NotSelected, DateTime ReleaseAtUtc);

public static class Winners
{
    /// <summary>
    /// Three decisions: a consented first prize, a special mention whose team did not consent, and a consented entry
    /// not selected. Only the first may ever be public.
    /// </summary>
    public static async Task<DecidedCall> DecidedAsync(PrizeAppFactory app, DateTime releaseAtUtc, Action<Entry>? winner = null)
    {
        var call = await EntryBuilder.CreateCallAsync(app, c => c.ResultsReleaseAtUtc = releaseAtUtc);
        var first = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Jouer sans se perdre : Prévention"; e.Language = "fr"; e.OrganisationName = "Association Élan"; e.ConsentToPublication = true; })
            .With(winner ?? (_ => { })).SaveAsync();
        var hidden = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Quiet project"; e.ConsentToPublication = false; }).SaveAsync();
        var notSelected = await new EntryBuilder(app).In(call).WithStatus(EntryStatus.Eligible)
            .With(e => { e.Title = "Ordinary project"; e.ConsentToPublication = true; }).SaveAsync();
        await app.WithDbAsync(db =>
        {
            db.Decisions.AddRange(
                new Decision { CallId = call.Id, EntryId = first.Id, Outcome = Outcome.FirstPrize, Rationale = "Young people lead it.", Version = 1 },
                new Decision { CallId = call.Id, EntryId = hidden.Id, Outcome = Outcome.SpecialMention, Rationale = "Careful evaluation.", Version = 1 },
                new Decision { CallId = call.Id, EntryId = notSelected.Id, Outcome = Outcome.NotSelected, Version = 1 });
            return db.SaveChangesAsync();
        });
        return new DecidedCall(call, first, hidden, notSelected, releaseAtUtc);
    }

    public static void MoveClockTo(this PrizeAppFactory app, DateTime utc) => app.Clock.Advance(utc - app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Everything the public can read about the winners, concatenated: pages, feed, JSON and CSV.</summary>
    public static async Task<string> EverythingPublicAsync(PrizeAppFactory app, params Entry[] entries)
    {
        var client = app.NewClient();
        var texts = new List<string> { (await client.GetAsync("/winners")).Html };
        foreach (var url in new[] { "/winners.atom", "/winners.json", "/winners.csv" }) texts.Add(await client.Http.GetStringAsync(url));
        foreach (var entry in entries) texts.Add((await client.GetAsync($"/winners/{entry.Reference}")).Html);
        return string.Join("\n", texts);
    }
}
