using PreventionPrize.Core.Calls;

namespace PreventionPrize.Core.Decisions;

/// <summary>
/// The one rule for when results exist for anyone but the Secretariat: from the call's release instant (the
/// ceremony), never a second before. Every page, feed, export and e-mail that shows an outcome asks it.
/// </summary>
public static class Embargo
{
    public static bool IsLifted(DateTime? releaseAtUtc, DateTime nowUtc) => releaseAtUtc is { } at && nowUtc >= at;

    public static bool IsLifted(this Call call, DateTime nowUtc) => IsLifted(call.ResultsReleaseAtUtc, nowUtc);
}
