namespace PreventionPrize.Core.Calls;

/// <summary>The call's lifecycle (see PRODUCT.md). Stored by name so the database stays readable.</summary>
public enum CallStatus
{
    Draft,
    Open,
    Closed,
    Judging,
    Decided,
    Announced,
    Archived,
}
