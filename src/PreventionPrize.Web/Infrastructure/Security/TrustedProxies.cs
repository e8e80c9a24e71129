using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PreventionPrize.Web.Infrastructure.Security;

/// <summary>
/// The client's address and scheme come from <c>X-Forwarded-For</c>/<c>-Proto</c> only when the connection is from a
/// proxy named in <c>Security:KnownProxies</c> (addresses) or <c>Security:KnownNetworks</c> (CIDR). Nothing named
/// means nothing trusted: ASP.NET Core would trust every sender when both lists are empty, so the headers are then
/// not read at all. Otherwise anyone could pick their own rate-limit partition by sending the header.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "Security:KnownProxies").Select(p => Parse(p, "Security:KnownProxies", IPAddress.Parse)).ToList();
        var networks = List(configuration, "Security:KnownNetworks").Select(n => Parse(n, "Security:KnownNetworks", s => System.Net.IPNetwork.Parse(s))).ToList();
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every trusted hop (a CDN before a load balancer), stopping at the first untrusted one.
            o.ForwardLimit = null;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        // A list (KnownProxies:0, :1…) or one comma-separated value (an environment variable).
        var children = section.GetChildren().ToList();
        var values = children.Count > 0 ? children.Select(c => c.Value ?? "") : [section.Value ?? ""];
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static T Parse<T>(string value, string key, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{key}: '{value}' is not a valid address or network.", e);
        }
    }
}
