using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Data;

namespace PreventionPrize.Web.Features.AuditTrail;

public enum ActorKind { System, Person, Deleted }

/// <summary>
/// What the trail's ids stand for today, looked up for one page of events in a handful of queries: who the actor is
/// (the trail keeps only ids, so an erased account reads "deleted account"), and where a subject can be opened.
/// </summary>
public sealed class AuditSubjects
{
    private readonly Dictionary<string, string> _emails = [];
    private readonly Dictionary<int, string?> _entryReferences = [];
    private readonly Dictionary<int, string> _jurorCalls = [];

    public static async Task<AuditSubjects> LoadAsync(PrizeDbContext db, IEnumerable<(string? ActorId, string Subject)> events, CancellationToken ct)
    {
        var list = events.ToList();
        var subjects = new AuditSubjects();
        var actorIds = list.Select(e => e.ActorId).OfType<string>().Distinct().ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id) && u.ErasedAtUtc == null)
                     .Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            if (!string.IsNullOrEmpty(user.Email)) subjects._emails[user.Id] = user.Email;
        var entryIds = Ids(list, "entry:");
        foreach (var entry in await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).Select(e => new { e.Id, e.Reference }).ToListAsync(ct))
            subjects._entryReferences[entry.Id] = entry.Reference;
        var jurorIds = Ids(list, "juror:");
        foreach (var juror in await db.JuryMembers.AsNoTracking().Where(m => jurorIds.Contains(m.Id))
                     .Join(db.Calls, m => m.CallId, c => c.Id, (m, c) => new { m.Id, c.Code }).ToListAsync(ct))
            subjects._jurorCalls[juror.Id] = juror.Code;
        return subjects;
    }

    public (ActorKind Kind, string? Email) Actor(string? actorId) =>
        actorId is null ? (ActorKind.System, null) : _emails.TryGetValue(actorId, out var email) ? (ActorKind.Person, email) : (ActorKind.Deleted, null);

    /// <summary>The page the subject is about, for the subjects the Secretariat has a page for; null otherwise.</summary>
    public string? Link(string subject)
    {
        var (kind, id) = Split(subject);
        return kind switch
        {
            "call" => $"/secretariat/calls/{Uri.EscapeDataString(id)}",
            "entry" when int.TryParse(id, out var entry) && _entryReferences.ContainsKey(entry) => $"/secretariat/entries/{entry}",
            "round" when int.TryParse(id, out var round) => $"/secretariat/rounds/{round}",
            "juror" when int.TryParse(id, out var juror) && _jurorCalls.TryGetValue(juror, out var code) => $"/secretariat/calls/{Uri.EscapeDataString(code)}/jury/{juror}",
            "outbox" when Guid.TryParse(id, out var mail) => $"/secretariat/outbox/{mail}",
            "bulk" when Guid.TryParse(id, out var bulk) => $"/secretariat/outbox/bulk/{bulk}",
            _ => null,
        };
    }

    /// <summary>An entry's reference beside its id, when it has one: ids are what the trail keeps, references what people say.</summary>
    public string? Reference(string subject) =>
        Split(subject) is ("entry", var id) && int.TryParse(id, out var entry) && _entryReferences.TryGetValue(entry, out var reference) ? reference : null;

    private static (string Kind, string Id) Split(string subject)
    {
        var colon = subject.IndexOf(':');
        return colon < 0 ? (subject, "") : (subject[..colon], subject[(colon + 1)..]);
    }

    private static List<int> Ids(IEnumerable<(string? ActorId, string Subject)> events, string prefix) =>
        events.Select(e => e.Subject).Where(s => s.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => int.TryParse(s[prefix.Length..], out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
}
