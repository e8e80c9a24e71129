namespace PreventionPrize.Core.Calls;

public enum WindowState
{
    /// <summary>The call is a draft, or past its submission stage: no submissions whatever the clock says.</summary>
    NotAccepting,
    Upcoming,
    Open,
    /// <summary>After the announced deadline but inside the grace period: accepted and flagged late.</summary>
    Grace,
    Closed,
}

/// <summary>
/// The one rule that decides whether a call accepts submissions. Every page and handler asks it with the
/// server clock (<see cref="TimeProvider"/>), never the browser's.
/// </summary>
public static class SubmissionWindow
{
    public static WindowState Evaluate(Call call, DateTime nowUtc)
    {
        if (call.Status != CallStatus.Open) return call.Status == CallStatus.Draft ? WindowState.NotAccepting : WindowState.Closed;
        if (nowUtc < call.OpensAtUtc) return WindowState.Upcoming;
        if (nowUtc < call.ClosesAtUtc) return WindowState.Open;
        if (nowUtc < call.ClosesAtUtc.AddMinutes(call.GraceMinutes)) return WindowState.Grace;
        return WindowState.Closed;
    }

    public static bool AcceptsSubmissions(Call call, DateTime nowUtc) =>
        Evaluate(call, nowUtc) is WindowState.Open or WindowState.Grace;
}
