namespace PreventionPrize.Core.Jury;

/// <summary>Two addresses on one organisation's domain. <see cref="Reason"/> is English prose for the audit trail.</summary>
public sealed record DomainMatch(string OrganisationDomain, string Reason);
