using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Time;

namespace PreventionPrize.Core.Entries;

/// <summary>
/// The prize's eligibility rules, applied to an applicant's answers. Returns the reasons a project does not
/// qualify (resource keys, so the applicant reads them in their language); none means eligible.
/// </summary>
public static class EligibilityCheck
{
    public const string NoFormalStructure = "Eligibility.Reason.NoFormalStructure";
    public const string YouthNotInvolved = "Eligibility.Reason.YouthNotInvolved";
    public const string FinishedDateMissing = "Eligibility.Reason.FinishedDateMissing";
    public const string FinishedTooLongAgo = "Eligibility.Reason.FinishedTooLongAgo";
    public const string FinishedInFuture = "Eligibility.Reason.FinishedInFuture";
    public const string CountryNotEligible = "Eligibility.Reason.CountryNotEligible";

    public static IReadOnlyList<string> Reasons(EligibilityAnswers answers, Call call, DateTime nowUtc)
    {
        var reasons = new List<string>();
        if (!answers.FormalStructure) reasons.Add(NoFormalStructure);
        if (!answers.YouthActivelyInvolved) reasons.Add(YouthNotInvolved);
        if (answers.ProjectState == ProjectState.Finished)
        {
            if (answers.FinishedOn is not { } finished) reasons.Add(FinishedDateMissing);
            else if (finished > DateOnly.FromDateTime(Strasbourg.ToLocal(nowUtc))) reasons.Add(FinishedInFuture);
            else if (finished < EarliestFinish(call)) reasons.Add(FinishedTooLongAgo);
        }
        if (!call.EligibleCountries.Contains(answers.Country)) reasons.Add(CountryNotEligible);
        return reasons;
    }

    /// <summary>The earliest end date a finished project may have: the call's opening day, minus the window.</summary>
    public static DateOnly EarliestFinish(Call call) =>
        DateOnly.FromDateTime(Strasbourg.ToLocal(call.OpensAtUtc)).AddMonths(-call.EntryRules.RecentlyFinishedMonths);
}
