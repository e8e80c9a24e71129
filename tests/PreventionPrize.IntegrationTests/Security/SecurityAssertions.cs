namespace PreventionPrize.IntegrationTests.Security;

public static class SecurityAssertions
{
    /// <summary>
    /// What every response must carry, whatever produced it: a CSP whose scripts come only from the site (or from
    /// nowhere) and that forbids framing, no MIME sniffing, no referrer leak.
    /// </summary>
    public static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what}: no CSP");
        var directives = values!.Single().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        Assert.True(scripts is "script-src 'self'" or "default-src 'self'" or "default-src 'none'", $"{what}: scripts allowed by '{scripts}'");
        Assert.DoesNotContain("unsafe-inline", directives.GetValueOrDefault("script-src") ?? "");
        Assert.DoesNotContain("unsafe-eval", values!.Single());
        Assert.True(directives.GetValueOrDefault("frame-ancestors") == "frame-ancestors 'none'", $"{what}: framing allowed");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
