using PreventionPrize.Core.Calls;

namespace PreventionPrize.Web.Features.CallAdmin;

/// <summary>What the Secretariat may do to a call in each state of its lifecycle.</summary>
public static class CallRules
{
    /// <summary>Once judging starts the call's terms are the record of what applicants were promised.</summary>
    public static bool IsEditable(CallStatus status) => status is CallStatus.Draft or CallStatus.Open or CallStatus.Closed;

    public static bool CanOpen(CallStatus status) => status is CallStatus.Draft or CallStatus.Closed;

    public static bool CanClose(CallStatus status) => status is CallStatus.Open;
}
