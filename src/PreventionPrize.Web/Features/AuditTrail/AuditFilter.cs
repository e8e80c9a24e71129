using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Audit;
using PreventionPrize.Core.Data;
using PreventionPrize.Core.Time;

namespace PreventionPrize.Web.Features.AuditTrail;

/// <summary>
/// What the Secretariat asks of the trail, from the query string: an action or a family of actions (<c>score</c> or
/// <c>score.</c> finds every <c>score.*</c>), a subject (<c>call:CODE</c> also finds its rounds, entries and jurors;
/// <c>entry:</c> every entry), an actor by e-mail (or <c>system</c>), days in Strasbourg time, and text in the details.
/// </summary>
public sealed record AuditFilter
{
    public const int TextMaxLength = 200;
    public const int ActorMaxLength = 254;

    public string? Action { get; init; }
    public string? Subject { get; init; }
    public string? Actor { get; init; }
    /// <summary>First day, <c>yyyy-MM-dd</c> in Strasbourg time (a date input's value).</summary>
    public string? From { get; init; }
    /// <summary>Last day, included.</summary>
    public string? To { get; init; }
    public string? Text { get; init; }

    public bool IsEmpty => new[] { Action, Subject, Actor, From, To, Text }.All(string.IsNullOrWhiteSpace);

    /// <summary>The filter as query-string pairs, for links (pagination, export) that keep it.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Pairs() => new Dictionary<string, string?>
    {
        ["action"] = Action, ["subject"] = Subject, ["actor"] = Actor, ["from"] = From, ["to"] = To, ["text"] = Text,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value));

    public sealed record Resolved(IQueryable<AuditEvent> Events, IReadOnlyList<string> Problems, string Description);

    /// <summary>
    /// The matching events, unordered, and what is wrong with the filter (a value too long, a date not understood,
    /// an unknown e-mail): a filter with a problem matches nothing rather than everything. The description names the
    /// actor by id, never by e-mail, because it goes into the append-only trail.
    /// </summary>
    public async Task<Resolved> ResolveAsync(PrizeDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var problems = new List<string>();
        var events = db.AuditEvents.AsNoTracking();
        var described = new List<string>();

        var action = Action?.Trim();
        if (!string.IsNullOrEmpty(action))
        {
            if (action.Length > AuditEvent.ActionMaxLength) problems.Add(l["Audit.Filter.TooLong", l["Audit.Filter.Action"], AuditEvent.ActionMaxLength]);
            else if (action.EndsWith('.')) events = events.Where(a => a.Action.StartsWith(action));
            else
            {
                var family = action + ".";
                events = events.Where(a => a.Action == action || a.Action.StartsWith(family));
            }
            described.Add($"action={action}");
        }

        var subject = Subject?.Trim();
        if (!string.IsNullOrEmpty(subject))
        {
            if (subject.Length > AuditEvent.SubjectMaxLength) problems.Add(l["Audit.Filter.TooLong", l["Audit.Filter.Subject"], AuditEvent.SubjectMaxLength]);
            else events = await BySubjectAsync(db, events, subject, ct);
            described.Add($"subject={subject}");
        }

        var actor = Actor?.Trim();
        if (!string.IsNullOrEmpty(actor))
        {
            if (actor.Length > ActorMaxLength) problems.Add(l["Audit.Filter.TooLong", l["Audit.Filter.Actor"], ActorMaxLength]);
            else if (string.Equals(actor, "system", StringComparison.OrdinalIgnoreCase))
            {
                events = events.Where(a => a.ActorId == null);
                described.Add("actor=system");
            }
            else
            {
                var normalized = actor.ToUpperInvariant();
                var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
                if (id is null) problems.Add(l["Audit.Filter.NoSuchActor"]);
                else events = events.Where(a => a.ActorId == id);
                described.Add($"actor=user:{id ?? "unknown"}");
            }
        }

        var from = Day(From, "Audit.Filter.From", problems, l);
        var to = Day(To, "Audit.Filter.To", problems, l);
        if (from is { } f && to is { } t && f > t) problems.Add(l["Audit.Filter.FromAfterTo"]);
        if (from is { } start)
        {
            var fromUtc = Strasbourg.ToUtc(start.ToDateTime(TimeOnly.MinValue));
            events = events.Where(a => a.AtUtc >= fromUtc);
            described.Add($"from={start:yyyy-MM-dd}");
        }
        if (to is { } end)
        {
            var untilUtc = Strasbourg.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            events = events.Where(a => a.AtUtc < untilUtc);
            described.Add($"to={end:yyyy-MM-dd}");
        }

        var text = Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > TextMaxLength) problems.Add(l["Audit.Filter.TooLong", l["Audit.Filter.Text"], TextMaxLength]);
            else
            {
                // LIKE ignores case on both providers (ASCII in SQLite, the collation in SQL Server) without lower-casing
                // every row first, which doubled the cost of a search on 100,000 events; % and _ typed are literal.
                var pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
                events = events.Where(a => a.Details != null && EF.Functions.Like(a.Details, pattern, @"\"));
            }
            described.Add($"text={text}");
        }

        if (problems.Count > 0) events = events.Where(a => false);
        return new Resolved(events, problems, described.Count == 0 ? "all" : string.Join(" ", described));
    }

    /// <summary>
    /// <c>call:CODE</c> is the call and everything in it: its rounds, entries and jurors are subjects of their own.
    /// Sub-queries rather than id lists, so a call with thousands of entries is one statement on either provider.
    /// </summary>
    private static async Task<IQueryable<AuditEvent>> BySubjectAsync(PrizeDbContext db, IQueryable<AuditEvent> events, string subject, CancellationToken ct)
    {
        if (subject.EndsWith(':')) return events.Where(a => a.Subject.StartsWith(subject));
        if (subject.StartsWith("call:", StringComparison.Ordinal))
        {
            var code = subject["call:".Length..];
            var callId = await db.Calls.Where(c => c.Code == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (callId is { } id) return OfCall(db, events, id, code);
        }
        return events.Where(a => a.Subject == subject);
    }

    /// <summary>
    /// The events about a call, its rounds, its entries and its jurors. Subjects are compared with a "|" appended on
    /// purpose: on a bare <c>Subject IN (...)</c> SQLite reads the (Subject, AtUtc) index once per subject and sorts every
    /// match before taking a page (100–400 ms on 100,000 events); hiding the column from that index keeps it walking the
    /// AtUtc index newest first and stopping at the page's last row (1–3 ms). <c>bench-audit</c> measures both.
    /// </summary>
    public static IQueryable<AuditEvent> OfCall(PrizeDbContext db, IQueryable<AuditEvent> events, int callId, string code)
    {
        var call = "call:" + code + "|";
        var rounds = db.Rounds.Where(r => r.CallId == callId).Select(r => "round:" + r.Id.ToString() + "|");
        var entries = db.Entries.Where(e => e.CallId == callId).Select(e => "entry:" + e.Id.ToString() + "|");
        var jurors = db.JuryMembers.Where(m => m.CallId == callId).Select(m => "juror:" + m.Id.ToString() + "|");
        return events.Where(a => a.Subject + "|" == call || rounds.Contains(a.Subject + "|") || entries.Contains(a.Subject + "|") || jurors.Contains(a.Subject + "|"));
    }

    private static DateOnly? Day(string? value, string label, List<string> problems, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        problems.Add(l["Audit.Filter.BadDate", l[label]]);
        return null;
    }
}
