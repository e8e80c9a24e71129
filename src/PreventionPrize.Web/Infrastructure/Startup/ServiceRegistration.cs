using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.Extensions.WebEncoders;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Features.Gallery;
using PreventionPrize.Web.Infrastructure.Database;
using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Jobs;
using PreventionPrize.Web.Infrastructure.Outbox;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mediator;
using PreventionPrize.Web.Infrastructure.Mvc;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.Web.Infrastructure.Startup;

public static class ServiceRegistration
{
    public static IServiceCollection AddPrizePlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ReserveThreadsForBlockedWaits();
        services.AddSingleton(TimeProvider.System);
        services.AddPrizeDatabase(configuration, environment);
        services.AddDataProtection()
            .SetApplicationName("PreventionPrize")
            .PersistKeysToDbContext<PrizeDbContext>();
        var cookies = CookieSettings.From(configuration);
        services.AddSingleton(cookies);
        services.AddPrizeIdentity(cookies);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Razor would otherwise write "é" as "&#xE9;": correct, but unreadable in page source and e-mails.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddTransient<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add<FormErrorsFilter>();
                SafeBinding.Apply(o);
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // FluentValidation owns "required"; MVC's implicit [Required] would add English-only messages.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookies.Antiforgery;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
            o.HeaderName = "RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = cookies.TempData;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
        });
        services.AddTrustedProxies(configuration);
        services.AddPrizeRateLimits(configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        // Only validators of messages are the pipeline's; shared rule sets (CallFormValidator, EntrySubmitRules…) are
        // included by them or built by a handler with what they need, never resolved from the container.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped,
            filter: scan => typeof(IMessage).IsAssignableFrom(scan.InterfaceType.GetGenericArguments()[0]));

        services.AddPrizeStorage(configuration, environment);
        services.AddHttpContextAccessor();
        services.AddScoped<PublicLinks>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Features.Entries.EntryAccess>();
        services.AddScoped<Features.Entries.EntryMail>();
        services.AddScoped<Core.Jury.JuryPolicy>();
        services.AddScoped<Core.Jury.ConflictDetection>();
        services.AddScoped<Features.JuryAdmin.Invitations>();
        services.AddScoped<Features.Jurors.JurorMembership>();
        services.AddScoped<Features.Rounds.RoundProblemLoader>();
        services.AddScoped<Features.Gallery.PublishedWinners>();
        services.AddGalleryCache();
        services.AddScoped<Privacy.PersonalData>();
        services.AddPrizeMail(configuration);
        services.Configure<Reminders.ReminderOptions>(configuration.GetSection("Reminders"));
        AddScheduledJobs(services, configuration);
        services.AddScoped<Features.Account.EmailConfirmation>();
        services.AddScoped<DemoData>();

        services.AddHealthChecks().AddDbContextCheck<PrizeDbContext>("database");
        return services;
    }

    /// <summary>
    /// Jobs every instance schedules and only one runs per pass (<see cref="JobRegistration.AddScheduledJob{TJob}"/>):
    /// adding one is one line here.
    /// </summary>
    private static void AddScheduledJobs(IServiceCollection services, IConfiguration configuration)
    {
        var reminders = configuration.GetSection("Reminders").Get<Reminders.ReminderOptions>() ?? new();
        services.AddScheduledJob<Reminders.DraftReminders>("draft-reminders", TimeSpan.FromMinutes(Math.Max(1, reminders.PollMinutes)),
            (job, ct) => job.RunOnceAsync(ct), enabled: reminders.Enabled);
        services.AddScheduledJob<Features.Decisions.ResultsRelease>("results-release", TimeSpan.FromMinutes(1),
            (job, ct) => job.RunOnceAsync(ct), enabled: configuration.GetValue("Results:ReleaseJob", true));
        services.AddScheduledJob<Features.Privacy.RetentionSweep>("retention", TimeSpan.FromHours(1),
            (job, ct) => job.RunOnceAsync(ct), enabled: configuration.GetValue("Privacy:RetentionJob", true));
    }

    /// <summary>
    /// Microsoft.Data.Sqlite waits for SQLite's single write lock by sleeping its thread in 150 ms steps. On two cores
    /// the thread pool starts with two threads, so one blocked wait (the outbox dispatcher behind a long insert) left
    /// page requests queued for up to 0.7 s (docs/benchmarks.md, bench-web-drain). A higher floor keeps threads free.
    /// </summary>
    private static void ReserveThreadsForBlockedWaits()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
    }
}
