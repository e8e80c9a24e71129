namespace PreventionPrize.Core.Accounts;

/// <summary>The platform's roles. New accounts are applicants; the Secretariat grants the others.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Juror = "Juror";
    public const string Secretariat = "Secretariat";

    public static readonly IReadOnlyList<string> All = [Applicant, Juror, Secretariat];

    /// <summary>Roles the Secretariat may grant or revoke from the users page.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Juror, Secretariat];
}
