namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary>
/// Thrown by a handler when the thing asked for does not exist for this user. Rendered as 404, the same
/// answer whether it is missing or forbidden, so that a probe learns nothing.
/// </summary>
public sealed class NotFoundException : Exception;
