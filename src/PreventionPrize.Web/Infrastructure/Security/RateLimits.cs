using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// Per-client limits on the endpoints an attacker repeats: guessing passwords, creating accounts, sending reset and
/// confirmation mail, filling the disk with uploads, hammering submission (ASVS 2.4, 6.3.1). A signed-in user is
/// counted by account, anyone else by address (an IPv6 client by its /64, which one host can rotate within).
/// Attach a policy with <c>[EnableRateLimiting(RateLimits.SignIn)]</c>; the figures come from <c>RateLimits:&lt;Name&gt;</c>.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string ConfirmationMail = "confirmation-mail";
    public const string Upload = "upload";
    public const string Submit = "submit";

    public sealed record Limit(string Policy, string Section, int PermitLimit, TimeSpan Window);

    /// <summary>Production defaults: enough for a person who mistypes, too few for a script.</summary>
    public static readonly IReadOnlyList<Limit> Defaults =
    [
        new(SignIn, "SignIn", 10, TimeSpan.FromMinutes(1)),
        new(Registration, "Registration", 5, TimeSpan.FromHours(1)),
        new(PasswordReset, "PasswordReset", 5, TimeSpan.FromHours(1)),
        new(ConfirmationMail, "ConfirmationMail", 5, TimeSpan.FromHours(1)),
        new(Upload, "Upload", 60, TimeSpan.FromMinutes(10)),
        new(Submit, "Submit", 10, TimeSpan.FromMinutes(1)),
    ];

    public static IReadOnlyList<Limit> From(IConfiguration configuration) =>
        Defaults.Select(d => d with
        {
            PermitLimit = configuration.GetValue($"RateLimits:{d.Section}:PermitLimit", d.PermitLimit),
            Window = configuration.GetValue($"RateLimits:{d.Section}:Window", d.Window),
        }).ToList();

    public static IServiceCollection AddPrizeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = From(configuration);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.OnRejectedAsync;
            foreach (var limit in limits)
                o.AddPolicy(limit.Policy, context => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                }));
        });
    }

    /// <summary>The account when signed in, otherwise the client's address (as <c>UseForwardedHeaders</c> left it).</summary>
    public static string PartitionKey(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId) return "user:" + userId;
        return "ip:" + (context.Connection.RemoteIpAddress is { } address ? Network(address) : "unknown");
    }

    private static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
