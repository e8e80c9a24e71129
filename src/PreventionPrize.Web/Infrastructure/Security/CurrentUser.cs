using System.Security.Claims;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>Who is making the request, for handlers that record an actor or scope a query to the user.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public string? Id => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string RequiredId => Id ?? throw new InvalidOperationException("This handler needs a signed-in user.");
}
