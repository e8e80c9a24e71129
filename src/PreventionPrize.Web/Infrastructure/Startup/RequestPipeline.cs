using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.Web.Infrastructure.Startup;

public static class RequestPipeline
{
    public static WebApplication UsePrizePipeline(this WebApplication app)
    {
        // First: every later step (HSTS, the rate limits' partitions, logs) must see the client, not the proxy.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // Generic error pages without internals (ASVS 16.5.1).
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization(Cultures.Options(app.Services.GetRequiredService<CookieSettings>().Culture));
        app.UseRouting();
        app.UseAuthentication();
        // After routing (policies are endpoint metadata), authentication (signed-in users count by account) and
        // localization (the refusal is written in the reader's language).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseTwoFactorRequirement(app.Configuration);
        // After localization (the key varies by language) and authentication (signed-in requests bypass the cache).
        app.UseOutputCache();
        app.MapHealthChecks("/health");
        app.MapControllers();
        return app;
    }
}
