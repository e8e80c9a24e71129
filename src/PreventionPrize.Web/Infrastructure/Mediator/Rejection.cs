using FluentValidation;
using FluentValidation.Results;

namespace PreventionPrize.Web.Infrastructure.Mediator;

/// <summary>
/// Business-rule failures ("the call is closed", "someone else changed this call") take the same path as
/// validation failures: the same view comes back with the message and everything the user typed.
/// </summary>
public static class Rejection
{
    public static ValidationException Because(string message, string property = "") =>
        new([new ValidationFailure(property, message)]);
}
